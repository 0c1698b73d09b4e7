import { memo } from 'react';
import {
  useCustomerCard,
  useCustomerList,
  useNavigation,
  useOrderList,
  useOrderPage,
  useSerialSearch,
  useSerialTable,
} from 'license-update-kit/react';

const Badge = ({ value }: { value: string }) => <span className={`badge ${value}`}>{value}</span>;
const date = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

export const SerialField = memo(function SerialField({ hint }: { hint?: string }) {
  const search = useSerialSearch();
  return (
    <div className="row">
      <div className="field" style={{ flex: 1 }}>
        <label {...search.getLabelProps()}>Serial number</label>
        <input {...search.getInputProps({ type: 'search', placeholder: 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP', autoComplete: 'off', spellCheck: false })} />
        {search.error ? <p className="error" {...search.getErrorProps()}>{search.error}</p> : hint && <p className="muted">{hint}</p>}
      </div>
      <div className="field" style={{ minWidth: 0 }}>
        <button {...search.getSearchButtonProps()}>Search</button>
      </div>
    </div>
  );
});

export const SerialTable = memo(function SerialTable({ caption }: { caption: string }) {
  const table = useSerialTable();
  if (table.rows.length === 0) return <p className="muted">No serial numbers to show.</p>;
  return (
    <table {...table.getTableProps()}>
      <caption className="muted" style={{ textAlign: 'left', paddingBottom: 6 }}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Serial number</th>
          <th scope="col">Status</th>
          <th scope="col">Customer</th>
          <th scope="col">Hardware key</th>
          <th scope="col">Activations</th>
          <th scope="col"><span className="muted">Action</span></th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((serial) => (
          <tr key={serial.id} {...table.getRowProps(serial)}>
            <td><code>{serial.serial}</code></td>
            <td><Badge value={serial.status} /></td>
            <td>{serial.customerName}</td>
            <td>{serial.hardwareKey ? `${serial.hardwareKey.model} ${serial.hardwareKey.dongleId}` : '—'}</td>
            <td>{serial.activationCount} / {serial.activationLimit}</td>
            <td>
              <button className="primary" {...table.getUpdateButtonProps(serial)}>Update</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});

export function SerialScreen() {
  return (
    <section className="card" aria-labelledby="serial-heading">
      <h3 id="serial-heading">Update license</h3>
      <SerialField hint="Paste one or more serial numbers, then press Enter." />
      <SerialTable caption="Serial numbers found: select the row, then Update." />
    </section>
  );
}

const OrderTable = memo(function OrderTable() {
  const list = useOrderList();
  return (
    <table {...list.getTableProps()}>
      <thead>
        <tr>
          <th scope="col">Number</th>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Customer</th>
          <th scope="col">Created</th>
          <th scope="col">CRM ID</th>
        </tr>
      </thead>
      <tbody>
        {list.orders.map((order) => (
          <tr key={order.id} {...list.getRowProps(order)}>
            <td>
              <button {...list.getOpenButtonProps(order, { 'aria-label': `Order ${order.number}` })}>{order.number}</button>
            </td>
            <td>{order.type}</td>
            <td><Badge value={order.status} /></td>
            <td>{order.customerName}</td>
            <td>{date(order.createdAt)}</td>
            <td>{order.crmId}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});

const OrderSearch = memo(function OrderSearch() {
  const list = useOrderList();
  return (
    <div className="row">
      <div className="field" style={{ flex: 1 }}>
        <label {...list.getLabelProps()}>Find orders</label>
        <input {...list.getSearchInputProps({ type: 'search', placeholder: 'Number, CRM ID or customer' })} />
      </div>
      <div className="field" style={{ minWidth: 0 }}>
        <button {...list.getSearchButtonProps()}>Search orders</button>
      </div>
    </div>
  );
});

const OrderPageView = memo(function OrderPageView() {
  const page = useOrderPage();
  if (!page.order) return null;
  const order = page.order;
  return (
    <section className="card" aria-labelledby="order-heading">
      <h3 id="order-heading">Order {order.number}</h3>
      <p>
        <Badge value={order.status} /> {order.type} order for {order.customerName}, created {date(order.createdAt)}
        {order.submittedAt && `, submitted ${date(order.submittedAt)}`}
      </p>
      <p className="muted">
        {order.serials.length === 1 ? '1 serial number' : `${order.serials.length} serial numbers`}: {order.serials.map((s) => s.serial).join(', ')}
      </p>
      {page.isActive && (
        <div className="actions">
          <button className="primary" {...page.getUpdateLicenseButtonProps()}>Update License</button>
        </div>
      )}
    </section>
  );
});

export function OrderScreens({ statePath, onUpdateLicense }: { statePath: string; onUpdateLicense: () => void }) {
  // While the list loads the way cannot switch: say so, and clicks (Playwright's too) wait.
  const { isBusy } = useNavigation();
  if (statePath === 'orderSelection.orderPage' || statePath === 'orderSelection.pickingSerial') {
    return (
      <>
        <OrderPageView />
        {statePath === 'orderSelection.pickingSerial' && (
          <section className="card">
            <SerialTable caption="The order produced several serial numbers: pick the one to update." />
          </section>
        )}
      </>
    );
  }
  return (
    <section className="card" aria-labelledby="orders-heading">
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h3 id="orders-heading">Orders</h3>
        <button className="primary" aria-disabled={isBusy ? 'true' : undefined} onClick={() => !isBusy && onUpdateLicense()}>
          Update license
        </button>
      </div>
      <OrderSearch />
      <OrderTable />
    </section>
  );
}

const TAB_NAMES = { serials: 'Serial Numbers and Hardware Keys (dongles)', orders: 'Orders' } as const;

function CustomerCardView({ statePath }: { statePath: string }) {
  const card = useCustomerCard();
  const customer = card.customer;
  return (
    <section className="card" aria-labelledby="customer-heading">
      <h3 id="customer-heading">{card.displayName}</h3>
      {customer && (
        <p className="muted">
          {customer.kind === 'company' ? `${customer.name} ${customer.familyName}` : 'Individual'} · {customer.email} · {customer.phone}
          {customer.crmId && ` · CRM ${customer.crmId}`}
        </p>
      )}
      <div className="tabs" {...card.getTabListProps({ 'aria-label': 'Customer card' })}>
        {card.tabs.map((tab) => (
          <button key={tab} {...card.getTabProps(tab)}>{TAB_NAMES[tab]}</button>
        ))}
      </div>
      <div {...card.getTabPanelProps('serials')}>
        {card.selectedTab === 'serials' &&
          (statePath.endsWith('licenseUpdatePage') ? (
            <section aria-labelledby="license-update-heading">
              <h4 id="license-update-heading">License Update</h4>
              <SerialTable caption="Update the required serial number." />
            </section>
          ) : (
            <>
              <SerialField hint="Type a serial number and press Enter." />
              <SerialTable caption="Serial numbers and hardware keys" />
            </>
          ))}
      </div>
      <div {...card.getTabPanelProps('orders')}>
        {card.selectedTab === 'orders' &&
          (statePath.endsWith('orderPage') || statePath.endsWith('pickingSerial') ? (
            <>
              <OrderPageView />
              {statePath.endsWith('pickingSerial') && <SerialTable caption="Pick the serial number to update." />}
            </>
          ) : (
            <OrderTable />
          ))}
      </div>
    </section>
  );
}

export function CustomerScreens({ statePath }: { statePath: string }) {
  const list = useCustomerList();
  if (statePath.startsWith('customerSelection.card')) return <CustomerCardView statePath={statePath} />;
  return (
    <section className="card" aria-labelledby="customers-heading">
      <h3 id="customers-heading">Customers</h3>
      <div className="row">
        <div className="field" style={{ flex: 1 }}>
          <label {...list.getLabelProps()}>Find customers</label>
          <input {...list.getSearchInputProps({ type: 'search', placeholder: 'Name, company, email or CRM ID' })} />
        </div>
        <div className="field" style={{ minWidth: 0 }}>
          <button {...list.getSearchButtonProps()}>Search customers</button>
        </div>
      </div>
      <table {...list.getTableProps()}>
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Kind</th>
            <th scope="col">Email</th>
            <th scope="col">CRM ID</th>
          </tr>
        </thead>
        <tbody>
          {list.customers.map((customer) => (
            <tr key={customer.id} {...list.getRowProps(customer)}>
              <td>
                <button {...list.getOpenButtonProps(customer)}>{list.displayName(customer)}</button>
              </td>
              <td>{customer.kind}</td>
              <td>{customer.email}</td>
              <td>{customer.crmId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
