import { memo } from 'react';
import {
  useAddOnMode,
  useCommentField,
  useCrmIdField,
  useObtainingPeriod,
  useOrderForm,
  useProductEditor,
  useProductLines,
  useProductPicker,
  type EditorFeature,
  type ProductEditor,
} from 'license-update-kit/react';

const Switch = ({ checked }: { checked: boolean }) => (
  <>
    <span className="track" aria-hidden="true" />
    <span aria-hidden="true">{checked ? 'On' : 'Off'}</span>
  </>
);

const PeriodField = memo(function PeriodField() {
  const period = useObtainingPeriod();
  return (
    <fieldset className="card" {...period.getGroupProps()}>
      <legend {...period.getGroupLabelProps()}>Obtaining period</legend>
      <div className="row">
        <div className="field">
          <label {...period.getUnlimitedLabelProps()}>Unlimited</label>
          <button className="switch" {...period.getUnlimitedSwitchProps()}>
            <Switch checked={period.unlimited} />
          </button>
        </div>
        {!period.unlimited && (
          <>
            <div className="field">
              <label {...period.getFromLabelProps()}>From</label>
              <input {...period.getFromInputProps()} />
              {period.fromError && <p className="error" {...period.getFromErrorProps()}>{period.fromError}</p>}
            </div>
            <div className="field">
              <label {...period.getToLabelProps()}>To</label>
              <input {...period.getToInputProps()} />
              {period.toError && <p className="error" {...period.getToErrorProps()}>{period.toError}</p>}
            </div>
          </>
        )}
      </div>
      <p className="muted">The window in which the customer can obtain the update. It limits delivery, not use.</p>
    </fieldset>
  );
});

const AddOnField = memo(function AddOnField() {
  const addOn = useAddOnMode();
  return (
    <div className="field">
      <label {...addOn.getLabelProps()}>Add-on Mode</label>
      <button className="switch" {...addOn.getSwitchProps({ 'aria-describedby': addOn.descriptionId })}>
        <Switch checked={addOn.enabled} />
      </button>
      <p className="muted" {...addOn.getDescriptionProps()}>
        {addOn.enabled ? 'On: the order is merged into the current license.' : 'Off: the order replaces the license; what it leaves out is removed.'}
      </p>
    </div>
  );
});

const CrmIdField = memo(function CrmIdField() {
  const field = useCrmIdField();
  return (
    <div className="field">
      <label {...field.getLabelProps()}>CRM ID</label>
      <input {...field.getInputProps({ type: 'text', autoComplete: 'off' })} />
      {field.error && <p className="error" {...field.getErrorProps()}>{field.error}</p>}
    </div>
  );
});

const CommentField = memo(function CommentField() {
  const field = useCommentField();
  return (
    <div className="field" style={{ flex: 1 }}>
      <label {...field.getLabelProps()}>Comment</label>
      <textarea {...field.getInputProps()} />
      {field.error && <p className="error" {...field.getErrorProps()}>{field.error}</p>}
    </div>
  );
});

export const ProductLines = memo(function ProductLines() {
  const lines = useProductLines();
  return (
    <section className="card" aria-labelledby="lines-heading">
      <h3 id="lines-heading">Products</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Features</th>
            <th scope="col">Origin</th>
            <th scope="col"><span className="muted">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {lines.lines.map((line) => (
            <tr key={line.lineId} {...lines.getLineProps(line)}>
              <th scope="row">{line.productName}</th>
              <td>
                {line.featureCount - line.excludedCount} of {line.featureCount}
                {line.error && <p className="error">{line.error}</p>}
              </td>
              <td>{line.origin === 'added' ? 'Added in this order' : 'On the serial'}</td>
              <td>
                <button {...lines.getChangeRestrictionsButtonProps(line)}>Change license restrictions</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {lines.linesError && <p className="error" {...lines.getLinesErrorProps()}>{lines.linesError}</p>}
      <div className="actions">
        <button {...lines.getAddProductButtonProps()}>Add product</button>
      </div>
    </section>
  );
});

export function OrderFormScreen() {
  const form = useOrderForm();
  return (
    <form {...form.getFormProps({ 'aria-labelledby': 'form-heading' })}>
      <h2 id="form-heading">License Update</h2>
      <p>
        Serial number <code>{form.serialNumber}</code>
      </p>
      <PeriodField />
      <div className="card">
        <div className="row">
          <AddOnField />
          <CrmIdField />
        </div>
        <CommentField />
      </div>
      <ProductLines />
      <div className="actions">
        <button className="primary" type="submit" aria-disabled={form.canReview ? undefined : 'true'}>
          Review
        </button>
        <button {...form.getSaveDraftButtonProps({ type: 'button' })}>Save draft</button>
        {form.draftRef && <span className="muted" role="status">Draft saved</span>}
        {form.errorCount > 0 && <span className="error">{form.errorCount === 1 ? '1 field needs attention' : `${form.errorCount} fields need attention`}</span>}
      </div>
    </form>
  );
}

const MODEL_NAMES = { perpetual: 'Perpetual', rental: 'Rental', expiration: 'Expiration date', subscription: 'Subscription', launches: 'Launches' } as const;
const FIELD_NAMES = { from: 'From', to: 'To', expiresOn: 'Expires on', days: 'Days', count: 'Launches', networkSeats: 'Network seats' } as const;

function FeatureEditor({ editor, feature }: { editor: ProductEditor; feature: EditorFeature }) {
  const id = feature.featureId;
  const disabled = !feature.canModify || feature.excluded;
  return (
    <div className="card" {...editor.getFeatureProps(id)}>
      <h4 {...editor.getFeatureNameProps(id)}>
        {feature.name} {!feature.canModify && <span className="badge">fixed</span>} {feature.changed && <span className="badge">changed</span>}
      </h4>
      <p className="muted">{feature.description}</p>
      <div className="row">
        <div className="field">
          <label {...editor.getLabelProps(id, 'model')}>Licensing model</label>
          <select {...editor.getModelSelectProps(id)}>
            {editor.models.map((model) => (
              <option key={model} value={model}>{MODEL_NAMES[model]}</option>
            ))}
          </select>
          {feature.errors.model && <p className="error" {...editor.getErrorProps(id, 'model')}>{feature.errors.model}</p>}
        </div>
        {[...feature.termsFields, 'networkSeats' as const].map((field) => (
          <div className="field" key={field}>
            <label {...editor.getLabelProps(id, field)}>{FIELD_NAMES[field]}</label>
            <input {...editor.getTermsInputProps(id, field)} />
            {feature.errors[field] && <p className="error" {...editor.getErrorProps(id, field)}>{feature.errors[field]}</p>}
          </div>
        ))}
        <div className="field">
          <label {...editor.getLabelProps(id, 'consumption')}>Consumption</label>
          <select {...editor.getConsumptionSelectProps(id)}>
            <option value="">None</option>
            {editor.consumptionModes.map((mode) => (
              <option key={mode} value={mode}>{mode}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label {...editor.getLabelProps(id, 'vmForbidden')}>Forbid virtual machines</label>
          <input {...editor.getVmForbiddenCheckboxProps(id)} />
        </div>
        <div className="field">
          <label {...editor.getLabelProps(id, 'exclude')}>Exclude</label>
          <input {...editor.getExcludeCheckboxProps(id)} />
          {feature.errors.exclude && <p className="error" {...editor.getErrorProps(id, 'exclude')}>{feature.errors.exclude}</p>}
        </div>
      </div>
      {disabled && !feature.excluded && <p className="muted">The terms of this feature cannot be changed.</p>}
    </div>
  );
}

export function ProductEditorScreen() {
  const editor = useProductEditor();
  return (
    <section aria-labelledby="editor-heading">
      <h2 id="editor-heading">Change license restrictions: {editor.product?.name}</h2>
      {editor.features.map((feature) => (
        <FeatureEditor key={feature.featureId} editor={editor} feature={feature} />
      ))}
      {editor.lineError && <p className="error">{editor.lineError}</p>}
      <div className="actions">
        <button className="primary" {...editor.getBackToOrderButtonProps()}>Back to order</button>
        {editor.canRemove && <button {...editor.getRemoveLineButtonProps()}>Remove product</button>}
      </div>
    </section>
  );
}

export function ProductPickerScreen() {
  const picker = useProductPicker();
  return (
    <section className="card" aria-labelledby="picker-heading">
      <h2 id="picker-heading">Add product</h2>
      {picker.isLoading ? (
        <p>Loading the products on sale…</p>
      ) : picker.products.length === 0 ? (
        <p className="muted">Every product on sale is on the order already.</p>
      ) : (
        <ul {...picker.getListProps()}>
          {picker.products.map((product) => (
            <li key={product.id} {...picker.getItemProps(product)}>
              <strong>{product.name}</strong> <span className="muted">#{product.productNumber} · {product.features.length} features</span>{' '}
              <button {...picker.getPickButtonProps(product, { 'aria-label': `Add ${product.name}` })}>Add</button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button {...picker.getBackToOrderButtonProps()}>Back to order</button>
      </div>
    </section>
  );
}
