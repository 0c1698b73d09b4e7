import { useReview, useSubmitResult } from 'license-update-kit/react';
import type { LicensingTerms } from 'license-update-kit/machines';

function termsText(terms: LicensingTerms): string {
  const parts: string[] = [terms.model];
  if (terms.model === 'rental') parts.push(`${terms.from} – ${terms.to}`);
  if (terms.model === 'expiration') parts.push(`until ${terms.expiresOn}`);
  if (terms.model === 'subscription') parts.push(`${terms.days} days`);
  if (terms.model === 'launches') parts.push(`${terms.count} launches`);
  if (terms.networkSeats) parts.push(`${terms.networkSeats} network seats${terms.consumption ? ` per ${terms.consumption}` : ''}`);
  if (terms.vmForbidden) parts.push('no virtual machines');
  return parts.join(', ');
}

export function ReviewScreen() {
  const review = useReview();
  const period = review.obtainingPeriod;
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">Review</h2>
      <div className="card">
        <dl>
          <dt>Serial number</dt>
          <dd><code>{review.serialNumber}</code></dd>
          <dt>Obtaining period</dt>
          <dd>{!period || period.unlimited ? 'Unlimited' : `${period.from} – ${period.to}`}</dd>
          <dt>Add-on Mode</dt>
          <dd>{review.addOnMode ? 'On (merged into the license)' : 'Off (replaces the license)'}</dd>
          <dt>CRM ID</dt>
          <dd>{review.crmId || '—'}</dd>
          <dt>Comment</dt>
          <dd>{review.comment || '—'}</dd>
        </dl>
      </div>
      <div className="card">
        <h3>Resulting license</h3>
        <table aria-label="Resulting license">
          <tbody>
            {review.resultingLicense?.map((line) => (
              <tr key={line.productId}>
                <th scope="row">{line.productName}</th>
                <td>
                  <ul>
                    {line.features.map((f) => (
                      <li key={f.featureId}>
                        {f.featureName}: {termsText(f.terms)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <button {...review.getEditLineButtonProps(line.productId, { 'aria-label': `Change ${line.productName}` })}>Change</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div {...review.getRemovedProps()}>
          {review.removed.length > 0 && (
            <>
              <h4 className="removed">Removed from the serial</h4>
              <ul aria-label="Removed from the serial">
                {review.removed.map((r) => (
                  <li className="removed" key={`${r.productId}/${r.featureId ?? ''}`}>
                    {r.featureName ? `${r.productName}: ${r.featureName}` : `${r.productName} (whole product)`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
      <div className="actions">
        <button className="primary" {...review.getSubmitButtonProps()}>Submit Order</button>
        <button {...review.getBackToOrderButtonProps()}>Back to order</button>
      </div>
    </section>
  );
}

export function ResultScreen() {
  const result = useSubmitResult();
  return (
    <div className={result.isSubmitted ? 'success' : 'card'} {...result.getStatusProps()}>
      {result.isSubmitted && result.order ? (
        <>
          <h2>Order {result.order.number} created</h2>
          <p>
            Update order {result.order.number} is {result.order.status}, submitted {result.order.submittedAt.slice(0, 16).replace('T', ' ')} UTC.
          </p>
        </>
      ) : result.isCancelled ? (
        <h2>The procedure was cancelled</h2>
      ) : null}
    </div>
  );
}
