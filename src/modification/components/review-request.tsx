import { Button } from '@carbon/react';
import { useId } from 'react';

import { getSignedInUserId } from '../../api/console-session';
import { engineUrl } from '../../api/engine-client';
import { useCopyToClipboard } from '../use-copy-to-clipboard';

export interface ReviewRequestProps {
  /** The request body as the dialog will send it. */
  body: unknown;
  /** The REST path it is sent to when applied now, e.g. `/modification/execute`. */
  path: string;
  /** The REST path it is sent to when applied as a batch (the same body). */
  batchPath: string;
}

/**
 * The request a review dialog sends, to read and to copy: its URL, the JSON body, and curl
 * commands for applying now and as a batch, so an operator can hand the repair on or script it.
 */
export function ReviewRequest({ body, path, batchPath }: ReviewRequestProps) {
  const headingId = useId();
  const { copied, copy } = useCopyToClipboard();
  const url = engineUrl(path).href;
  const json = JSON.stringify(body, null, 2);
  const username = getSignedInUserId();
  const compactJson = JSON.stringify(body);
  const curl = toCurl(url, username, compactJson);
  const batchCurl = toCurl(engineUrl(batchPath).href, username, compactJson);
  const copies = [
    { label: 'Copy as JSON', what: 'The JSON', text: json },
    { label: 'Copy as curl', what: 'The curl command', text: curl },
    { label: 'Copy as curl (batch)', what: 'The curl command for the batch', text: batchCurl },
  ];

  return (
    <section className="review-dialog__section" aria-labelledby={headingId}>
      <h3 id={headingId} className="modification-workspace__subheading">
        Request
      </h3>
      <p>
        <code>POST {url}</code> (or <code>{batchPath}</code> as a batch)
      </p>
      <pre className="review-dialog__code" aria-label="Request body (JSON)" tabIndex={0}>
        {json}
      </pre>
      <pre className="review-dialog__code" aria-label="curl command" tabIndex={0}>
        {curl}
      </pre>
      <div className="modification-workspace__buttons">
        {copies.map(({ label, what, text }) => (
          <Button
            key={label}
            kind="ghost"
            size="sm"
            onClick={() => {
              copy(what, text);
            }}
          >
            {label}
          </Button>
        ))}
      </div>
      <p role="status" className="modification-workspace__hint">
        {copied}
      </p>
    </section>
  );
}

/** A curl command for the request; the password is never written, only `***`. */
function toCurl(url: string, username: string | null, body: string): string {
  const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
  return [
    `curl -X POST ${quote(url)}`,
    `  -u ${quote(`${username ?? '<user>'}:***`)}`,
    `  -H 'Content-Type: application/json'`,
    `  -d ${quote(body)}`,
  ].join(' \\\n');
}
