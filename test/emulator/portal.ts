import type { EmulatorContext } from './context';
import type { HttpReply } from './http';

/** A stand-in for the Azure portal: "Open in portal" links land here and show the resource they point at. */
export function portalPage(ctx: EmulatorContext): HttpReply {
    const html = `<!doctype html><html><head><title>Emulated Azure portal</title></head><body>
<h1>Emulated Azure portal</h1><p>Tenant ${ctx.world.tenantId}</p><p>Resource: <code id="resource"></code></p>
<script>document.getElementById('resource').textContent = decodeURIComponent(location.hash.replace(/^#(@[^/]*)?\\/resource/, ''));</script>
</body></html>`;
    return { status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8' } };
}
