"""LAN discovery with DNS-SD/mDNS: announce `_skiller._tcp`, browse for others."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import PROTOCOL_VERSION

if TYPE_CHECKING:
    from zeroconf import ServiceBrowser, ServiceInfo, Zeroconf

log = logging.getLogger("skiller.sync.discovery")
SERVICE = "_skiller._tcp.local."


def local_addresses(host: str) -> list[str]:
    if host not in ("0.0.0.0", ""):
        return [host]
    found = {"127.0.0.1"}
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    except OSError:
        pass
    return sorted(found)


class Discovery:
    """Announce this node and call `on_found(url)` for every other node seen."""

    def __init__(self, node_id: str, person_id: str, host: str, port: int,
                 on_found: Callable[[str], None]) -> None:
        self.node_id = node_id
        self.person_id = person_id
        self.host = host
        self.port = port
        self.on_found = on_found
        self.zeroconf: Zeroconf | None = None
        self.browser: ServiceBrowser | None = None
        self.info: ServiceInfo | None = None

    def start(self) -> bool:
        try:
            from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, Zeroconf

            addresses = local_addresses(self.host)
            interfaces = addresses if self.host not in ("0.0.0.0", "") else None
            zc = self.zeroconf = Zeroconf(interfaces=interfaces or "all", ip_version=IPVersion.V4Only)
            info = self.info = ServiceInfo(
                SERVICE, f"skiller-{self.node_id}.{SERVICE}",
                addresses=[socket.inet_aton(a) for a in addresses], port=self.port,
                properties={"person": self.person_id, "node": self.node_id, "proto": str(PROTOCOL_VERSION)},
                server=f"skiller-{self.node_id}.local.",
            )
            zc.register_service(info)
            self.browser = ServiceBrowser(zc, SERVICE, handlers=[self._on_change])
        except (OSError, Exception) as exc:  # no multicast, no interface: discovery off, sync still works
            log.warning("LAN discovery is unavailable: %s", exc)
            self.stop()
            return False
        return True

    def _on_change(self, zeroconf: Zeroconf, service_type: str, name: str, state_change: Any) -> None:
        from zeroconf import ServiceStateChange

        if state_change not in (ServiceStateChange.Added, ServiceStateChange.Updated):
            return
        info = zeroconf.get_service_info(service_type, name, timeout=3000)
        if info is None or not info.addresses:
            return
        props = {k.decode(): (v or b"").decode() for k, v in info.properties.items()}
        if props.get("node") == self.node_id or props.get("proto") != str(PROTOCOL_VERSION):
            return
        address = socket.inet_ntoa(info.addresses[0])
        try:
            self.on_found(f"http://{address}:{info.port}")
        except Exception:
            log.exception("a discovered peer could not be added")

    def stop(self) -> None:
        if self.zeroconf is not None:
            try:
                if self.info is not None:
                    self.zeroconf.unregister_service(self.info)
                self.zeroconf.close()
            except Exception:
                pass
            self.zeroconf = None
