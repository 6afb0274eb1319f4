"""odaudit serve: the web app for the ICT office, the departments and the working group."""
from __future__ import annotations

from typing import Optional

import typer

from .common import DB_HELP, cannot_run

HELP = ("Serve the web app: departments upload their inventories and get the marked file back, the ICT "
        "office watches the campaign's dashboard, the working group reviews proposals and the secretary "
        "records decisions. Sign-in with the accounts made by 'odaudit user add'. Session cookies are signed "
        "with $ODAUDIT_WEB_SECRET (set it, or sessions end when the server restarts). Behind an HTTPS proxy, "
        "pass --proxy-headers so cookies are marked Secure.\n\n"
        "Example: odaudit serve --db sqlite:///var/odaudit.sqlite --host 127.0.0.1 --port 8000\n")


def command(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on.", min=1, max=65535),
    proxy_headers: bool = typer.Option(False, "--proxy-headers",
                                       help="Trust X-Forwarded-Proto/For from the proxy on 127.0.0.1."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    import uvicorn

    from ..web.app import create_app

    with cannot_run(debug):
        app = create_app(db)
    typer.echo(f"odaudit web app on http://{host}:{port}/ (Ctrl+C stops it)", err=True)
    uvicorn.run(app, host=host, port=port, proxy_headers=proxy_headers, forwarded_allow_ips="127.0.0.1",
                log_level="warning", server_header=False)
