#!/usr/bin/env python3
"""The HTML book in a real browser: headless Chromium (Debian's `chromium`) through the DevTools protocol.

    .ci/site_test.py [--reproduce .build/release/reproduce] [--site DIR]

Builds the site from the committed documents into a temporary folder (or tests DIR as it is), then
loads every page and asserts, per page:
  - no console error, no uncaught exception, no failed load (the browser's log at level error);
  - every internal link and image resolves: the file exists under the site and, for `page#id`, the
    target page has an element with that id (external links, with a scheme, are not followed);
  - a screenshot of the first screen is not blank (the image has ink: more than one colour, and a
    share of its pixels differs from the background).
Standard library only (a minimal WebSocket client and PNG decoder below). Exits non-zero on failure.
"""
import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zlib


class DevTools:
    """A minimal client of one page target of the DevTools protocol over a WebSocket."""

    def __init__(self, url):
        parsed = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((parsed.hostname, parsed.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {parsed.path} HTTP/1.1\r\nHost: {parsed.hostname}:{parsed.port}\r\nUpgrade: websocket\r\n"
                   f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(1)
        if b" 101 " not in response.split(b"\r\n")[0]:
            raise RuntimeError(f"WebSocket handshake failed: {response!r}")
        self.next_id = 0
        self.events = []

    def _recv_exact(self, count):
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise RuntimeError("DevTools connection closed")
            data += chunk
        return data

    def _recv_message(self):
        message = b""
        while True:
            head = self._recv_exact(2)
            fin, opcode, length = head[0] & 0x80, head[0] & 0x0F, head[1] & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._recv_exact(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._recv_exact(8))[0]
            payload = self._recv_exact(length)
            if opcode == 8:
                raise RuntimeError("DevTools connection closed")
            if opcode in (0, 1, 2):
                message += payload
                if fin:
                    return json.loads(message)

    def send(self, method, **params):
        self.next_id += 1
        payload = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        head = bytes([0x81])
        if len(payload) < 126:
            head += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            head += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(head + mask + masked)
        while True:
            message = self._recv_message()
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method, timeout=30):
        deadline = time.time() + timeout
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                del self.events[index]
                return event
        while time.time() < deadline:
            message = self._recv_message()
            if message.get("method") == method:
                return message
            self.events.append(message)
        raise RuntimeError(f"timed out waiting for {method}")


def png_pixels(data):
    """Width, height and rows of (r, g, b) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, idat = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unsupported PNG"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, channels)])
        previous = line
    return width, height, rows


def ink_fraction(png):
    """The share of pixels that differ from the most common colour (the background)."""
    _, _, rows = png_pixels(png)
    counts = {}
    for row in rows:
        for pixel in row:
            counts[pixel] = counts.get(pixel, 0) + 1
    total = sum(counts.values())
    return 1 - max(counts.values()) / total, len(counts)


def start_chromium(profile):
    binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not binary:
        sys.exit("site test: no chromium on PATH (apt-get install chromium)")
    process = subprocess.Popen(
        [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--allow-file-access-from-files", "--remote-debugging-port=0", f"--user-data-dir={profile}",
         "--window-size=1280,900", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.time() + 60
    while not os.path.exists(port_file) or not open(port_file).read().strip():
        if time.time() > deadline or process.poll() is not None:
            process.kill()
            sys.exit("site test: chromium did not start")
        time.sleep(0.1)
    port = open(port_file).read().split()[0]
    import urllib.request
    targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
    page = next(t for t in targets if t.get("type") == "page")
    return process, DevTools(page["webSocketDebuggerUrl"])


LINKS_JS = """JSON.stringify({
  links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
  sources: [...document.querySelectorAll('img[src], link[href]')].map(e => e.getAttribute('src') || e.getAttribute('href')),
  ids: [...document.querySelectorAll('[id]')].map(e => e.id),
  maths: document.querySelectorAll('math').length,
  images: [...document.querySelectorAll('img')].map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0]),
})"""


def check_site(site, tools):
    pages = sorted(os.path.relpath(os.path.join(folder, name), site)
                   for folder, _, names in os.walk(site) for name in names if name.endswith(".html"))
    tools.send("Page.enable")
    tools.send("Runtime.enable")
    tools.send("Log.enable")
    ids, links, failures = {}, [], []
    maths = 0
    for page in pages:
        tools.events.clear()
        url = "file://" + os.path.abspath(os.path.join(site, page))
        tools.send("Page.navigate", url=url)
        tools.wait_for("Page.loadEventFired")
        result = tools.send("Runtime.evaluate", expression=LINKS_JS, returnByValue=True)
        found = json.loads(result["result"]["value"])
        ids[page] = set(found["ids"])
        maths += found["maths"]
        for href in found["links"] + found["sources"]:
            links.append((page, href))
        for source, loaded in found["images"]:
            if not loaded:
                failures.append(f"{page}: image {source} did not load")
        shot = tools.send("Page.captureScreenshot", format="png",
                          clip={"x": 0, "y": 0, "width": 1280, "height": 900, "scale": 0.25})
        ink, colours = ink_fraction(base64.b64decode(shot["data"]))
        if ink < 0.002 or colours < 4:
            failures.append(f"{page}: the screenshot is blank ({ink:.4f} of pixels inked, {colours} colours)")
        for event in tools.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                failures.append(f"{page}: console error {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                failures.append(f"{page}: exception {params.get('exceptionDetails', {}).get('text')}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                failures.append(f"{page}: {params['entry'].get('text')} {params['entry'].get('url', '')}")
    unresolved = 0
    for page, href in links:
        parsed = urllib.parse.urlparse(href)
        if parsed.scheme in ("http", "https", "mailto", "data"):
            continue
        target = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(parsed.path))) if parsed.path else page
        problem = None
        if not os.path.isfile(os.path.join(site, target)):
            problem = "no such file"
        elif parsed.fragment and target.endswith(".html") and urllib.parse.unquote(parsed.fragment) not in ids.get(target, set()):
            problem = f"no element with id {parsed.fragment!r} in {target}"
        if problem:
            unresolved += 1
            failures.append(f"{page}: link {href}: {problem}")
    return pages, links, unresolved, maths, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reproduce", default=".build/release/reproduce")
    parser.add_argument("--site", help="test this built site instead of building one")
    arguments = parser.parse_args()
    started = time.time()
    work = tempfile.mkdtemp(prefix="site-test.")
    try:
        site = arguments.site
        if not site:
            site = os.path.join(work, "site")
            subprocess.run([arguments.reproduce, "site", "--output", site], check=True, stdout=subprocess.DEVNULL)
        process, tools = start_chromium(os.path.join(work, "profile"))
        try:
            pages, links, unresolved, maths, failures = check_site(site, tools)
        finally:
            process.kill()
            process.wait()
        for failure in failures[:50]:
            print("site test:", failure)
        print(f"site test: {len(pages)} pages, {len(links)} links and sources, {unresolved} unresolved, "
              f"{maths} MathML formulas, {len(failures)} failures, {time.time() - started:.1f} s")
        sys.exit(1 if failures or not pages else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
