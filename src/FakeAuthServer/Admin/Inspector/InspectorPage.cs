namespace FakeAuthServer.Admin.Inspector;

/// <summary>
/// GET /_admin/inspector: one self-contained page (inline CSS and script, nothing fetched but its own event stream)
/// that a class watches while a teacher runs requests against the server. Its Content-Security-Policy forbids every
/// other connection, so it works offline and cannot leak what it shows.
/// </summary>
internal static class InspectorPage
{
    public static IResult Handle(HttpContext context)
    {
        context.Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(Html, "text/html; charset=utf-8");
    }

    private const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>FakeAuthServer inspector</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        :root{--ok:#1b7a3a;--redirect:#8a5a00;--client:#b3261e;--server:#7b1fa2;--muted:#666;--line:#ddd}
        body{font-family:system-ui,sans-serif;margin:0;padding:1rem 1.5rem;color:#222;background:#fafafa}
        header{display:flex;gap:2rem;align-items:baseline;flex-wrap:wrap;border-bottom:1px solid var(--line);padding-bottom:.5rem}
        h1{font-size:1.4rem;margin:0}h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
        #status{font-weight:600}#status.live{color:var(--ok)}#status.down{color:var(--client)}
        #server-now{font-family:ui-monospace,monospace;font-size:1.1rem}
        table{border-collapse:collapse;width:100%;background:#fff}
        th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid var(--line);vertical-align:top;font-size:.92rem}
        th{background:#f0f0f0;position:sticky;top:0}
        code,.mono{font-family:ui-monospace,monospace;font-size:.85rem}
        .s2{color:var(--ok)}.s3{color:var(--redirect)}.s4{color:var(--client)}.s5{color:var(--server)}.s0{color:var(--muted)}
        .status{font-weight:700}
        .cookie{display:inline-block;background:#eef4ff;border:1px solid #c9d8f5;border-radius:3px;padding:0 .3rem;margin:0 .2rem .2rem 0}
        .cookie.set{background:#fff4e0;border-color:#f0d29a}
        .badge{display:inline-block;white-space:nowrap;border-radius:3px;padding:0 .3rem;color:#fff}
        .none{color:var(--muted)}
        tr.request.fresh{animation:fresh 1.5s ease-out}
        @keyframes fresh{from{background:#fff7b0}to{background:#fff}}
        .remaining{font-family:ui-monospace,monospace;font-weight:700}.remaining.soon{color:var(--client)}
        </style></head>
        <body>
        <header><h1>FakeAuthServer inspector</h1>
        <div>server time: <span id="server-now" class="mono">…</span></div>
        <div id="status" class="down">connecting…</div>
        <div><span id="request-count">0</span> requests seen</div></header>
        <h2>Live sessions <span class="none">(expiry counted down on the server's clock)</span></h2>
        <table id="sessions"><thead><tr><th>session</th><th>user</th><th>created</th><th>last seen</th><th>expires at</th><th>remaining</th></tr></thead>
        <tbody></tbody></table>
        <p id="no-sessions" class="none">No live session: log in (POST /api/login) to start one.</p>
        <h2>Requests <span class="none">(newest first; bodies, query strings, passwords and tokens are never shown)</span></h2>
        <table id="requests"><thead><tr><th>time (server)</th><th>request</th><th>status</th><th>session</th><th>cookies received</th><th>cookies set</th><th>authorization</th></tr></thead>
        <tbody></tbody></table>
        <script>
        "use strict";
        const maxRows = 300;
        const requests = document.querySelector("#requests tbody");
        const sessionsBody = document.querySelector("#sessions tbody");
        let seen = 0;
        function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
        function time(iso) { return iso ? iso.substring(11, 19) : ""; }
        function short(id) { return id.length > 10 ? id.substring(0, 8) + "…" : id; }
        function colour(id) { let h = 0; for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 360; return "hsl(" + h + ",55%,40%)"; }
        function sessionBadge(s) {
          const b = el("span", "badge", short(s.id) + (s.user ? " " + s.user : "") + (s.started ? " (new)" : ""));
          b.style.background = colour(s.id); b.title = s.id; b.dataset.session = s.id; return b;
        }
        function remaining(ms) {
          if (ms <= 0) return "expired";
          const s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
          return (h ? h + ":" + String(m).padStart(2, "0") : m) + ":" + String(r).padStart(2, "0");
        }
        function showClock(data) {
          const now = document.getElementById("server-now");
          now.textContent = data.now.replace("T", " ").substring(0, 19) + " UTC"; now.dataset.now = data.now;
          sessionsBody.replaceChildren();
          const nowMs = Date.parse(data.now);
          for (const s of data.sessions) {
            const row = el("tr", "session"); row.dataset.session = s.id; row.dataset.user = s.user;
            const idCell = el("td"); idCell.append(sessionBadge({ id: s.id })); row.append(idCell);
            row.append(el("td", "user", s.user), el("td", "mono", time(s.created)), el("td", "mono", time(s.lastSeen)), el("td", "mono", time(s.expiresAt)));
            const left = Date.parse(s.expiresAt) - nowMs;
            row.append(el("td", "remaining" + (left < 60000 ? " soon" : ""), remaining(left)));
            sessionsBody.append(row);
          }
          document.getElementById("no-sessions").hidden = data.sessions.length > 0;
        }
        function showRequest(r) {
          const row = el("tr", "request fresh"); row.dataset.method = r.method; row.dataset.path = r.path; row.dataset.status = r.status;
          row.append(el("td", "mono", time(r.at)));
          const what = el("td"); what.append(el("code", "method", r.method + " "), el("code", "path", r.path)); row.append(what);
          row.append(el("td", "status s" + String(r.status).charAt(0), r.status === 0 ? "aborted" : String(r.status)));
          const session = el("td"); if (r.session) session.append(sessionBadge(r.session)); else session.append(el("span", "none", "—")); row.append(session);
          const received = el("td", "received");
          for (const c of r.cookiesReceived) received.append(el("span", "cookie mono", c.name + "=" + c.value));
          if (!r.cookiesReceived.length) received.append(el("span", "none", "none"));
          const set = el("td", "set");
          for (const c of r.cookiesSet) set.append(el("span", "cookie set mono", c));
          if (!r.cookiesSet.length) set.append(el("span", "none", "none"));
          row.append(received, set, el("td", "mono", r.authorization || ""));
          requests.prepend(row);
          while (requests.rows.length > maxRows) requests.deleteRow(requests.rows.length - 1);
          document.getElementById("request-count").textContent = String(++seen);
        }
        function connect() {
          const status = document.getElementById("status");
          const events = new EventSource("/_admin/inspector/events");
          events.onopen = () => { status.textContent = "live"; status.className = "live"; };
          events.onerror = () => { status.textContent = "reconnecting…"; status.className = "down"; };
          events.addEventListener("clock", e => showClock(JSON.parse(e.data)));
          events.addEventListener("request", e => showRequest(JSON.parse(e.data)));
          events.addEventListener("dropped", e => { status.textContent = "fell behind, reconnecting…"; status.className = "down"; });
        }
        connect();
        </script>
        </body></html>
        """;
}
