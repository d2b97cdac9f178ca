import { createHash } from 'node:crypto';
import type { HttpReply } from '../http';
import type { TenantUser } from '../types';

// Plain HTML forms, nothing remote, no inline script or style but the two fixed texts below, allowed by hash.
const STYLE =
    'body{font-family:system-ui,sans-serif;background:#f2f2f2;margin:0}main{max-width:440px;margin:48px auto;background:#fff;' +
    'padding:32px 40px;box-shadow:0 2px 6px rgba(0,0,0,.2)}h1{font-size:1.4em;font-weight:600}h2{font-size:1.05em}ul{list-style:none;padding:0}' +
    'button.account{display:block;width:100%;text-align:left;padding:10px;margin:4px 0;border:1px solid #ccc;background:#fff;cursor:pointer}' +
    'small{color:#555}.error{color:#a80000}input[type=text]{width:100%;padding:6px;box-sizing:border-box;margin:6px 0}';
const AUTO_SUBMIT = 'document.forms[0].submit();';
const hashOf = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const hidden = (name: string, value: string): string => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`;

interface PageOptions {
    formTargets?: string[];
    autoSubmit?: boolean;
}

/** An HTML reply with a strict CSP: forms may only go to this server and to the client's own (loopback) reply URL. */
export function htmlPage(status: number, title: string, content: string, options: PageOptions = {}): HttpReply {
    const origins = [...new Set((options.formTargets ?? []).map((u) => new URL(u).origin))];
    const csp = [
        `default-src 'none'`,
        `style-src ${hashOf(STYLE)}`,
        ...(options.autoSubmit ? [`script-src ${hashOf(AUTO_SUBMIT)}`] : []),
        `form-action 'self' ${origins.join(' ')}`.trim(),
        `frame-ancestors 'none'`,
        `base-uri 'none'`,
    ].join('; ');
    const body =
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
        `<title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${content}</main>` +
        `${options.autoSubmit ? `<script>${AUTO_SUBMIT}</script>` : ''}</body></html>`;
    return {
        status,
        body,
        headers: {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': csp,
            'x-frame-options': 'DENY',
            'x-content-type-options': 'nosniff',
            'referrer-policy': 'no-referrer',
            'cache-control': 'no-store',
        },
    };
}

export interface PickerOptions {
    action: string;
    flowId: string;
    appName: string;
    users: TenantUser[];
    error?: string;
    /** where a chosen account's answer goes next (the client's reply URL), for the CSP's form-action */
    replyUrl?: string;
    offerCancel?: boolean;
}

/** "Pick an account": one button per tenant user, then "Use another account" (a typed name) and, for device codes, Cancel. */
export function accountPicker(o: PickerOptions): HttpReply {
    const accounts = o.users
        .map(
            (u) =>
                `<li><button class="account" type="submit" name="login" value="${escape(u.upn)}">` +
                `${escape(u.displayName)}<br><small>${escape(u.upn)}</small></button></li>`,
        )
        .join('');
    const content =
        `<h1>Pick an account</h1><p>to continue to ${escape(o.appName)}</p>` +
        (o.error ? `<p class="error" role="alert">${escape(o.error)}</p>` : '') +
        `<form method="post" action="${escape(o.action)}">${hidden('ctx', o.flowId)}<ul>${accounts}</ul></form>` +
        `<form method="post" action="${escape(o.action)}">${hidden('ctx', o.flowId)}<h2>Use another account</h2>` +
        `<label for="other">Email or username</label><input id="other" type="text" name="login" autocomplete="username">` +
        `<button type="submit" name="other" value="1">Next</button></form>` +
        (o.offerCancel
            ? `<form method="post" action="${escape(o.action)}">${hidden('ctx', o.flowId)}<button type="submit" name="decline" value="1">Cancel</button></form>`
            : '');
    return htmlPage(o.error ? 400 : 200, 'Sign in to your account', content, { formTargets: o.replyUrl ? [o.replyUrl] : [] });
}

export const messagePage = (status: number, title: string, message: string): HttpReply =>
    htmlPage(status, title, `<h1>${escape(title)}</h1><p>${escape(message)}</p>`);

/** `response_mode=form_post`: the browser posts the answer to the reply URL itself (what MSAL Node's loopback listener requires). */
export function formPostPage(replyUrl: string, fields: Record<string, string | undefined>): HttpReply {
    const inputs = Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => hidden(k, v!))
        .join('');
    return htmlPage(
        200,
        'Working...',
        `<form method="post" action="${escape(replyUrl)}">${inputs}` +
            '<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"></noscript></form>',
        { formTargets: [replyUrl], autoSubmit: true },
    );
}

/** The device login page's first step: type the code the device shows. */
export function deviceCodeEntry(action: string, error?: string): HttpReply {
    return htmlPage(
        error ? 400 : 200,
        'Enter code',
        `<h1>Enter code</h1><p>Enter the code displayed on your app or device.</p>` +
            (error ? `<p class="error" role="alert">${escape(error)}</p>` : '') +
            `<form method="post" action="${escape(action)}"><input type="text" name="otc" aria-label="Code" autocomplete="off">` +
            `<button type="submit">Next</button></form>`,
    );
}
