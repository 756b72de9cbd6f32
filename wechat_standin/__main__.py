"""`python -m wechat_standin serve` runs the stand-in; `... chat` is a terminal WeChat."""

from __future__ import annotations

import argparse
import logging
import mimetypes
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

import requests
from dotenv import load_dotenv
from werkzeug.serving import run_simple

from config.settings import PROJECT_ROOT, load_settings
from wechat_standin.server import StandInState, create_standin_app
from wechat_standin.signing import Account
from wechat_standin.webhook_caller import WebhookCaller, http_transport

DEFAULT_PORT = 8100
CHAT_HELP = (
    "输入消息回车发送。/user <openid> 换身份，/subscribe 关注，/photo <图片文件> 发照片，"
    "/location <纬度> <经度> [地名] 发位置，/menu <按钮key> 点菜单，/quit 退出。"
)


def _standin_url() -> str:
    """STANDIN_URL from the environment or `.env`; else the local port (STANDIN_PORT)."""
    load_dotenv(PROJECT_ROOT / ".env", override=False)
    port = os.environ.get("STANDIN_PORT") or DEFAULT_PORT
    return os.environ.get("STANDIN_URL") or f"http://127.0.0.1:{port}"


def serve(port: int) -> None:
    settings = load_settings()
    account = Account(
        settings.wechat_token, settings.wechat_app_id, settings.wechat_encoding_aes_key
    )
    webhook = os.environ.get("WEBHOOK_URL", f"http://127.0.0.1:{settings.web_port}/wechat")
    caller = WebhookCaller(account, http_transport(webhook))
    state = StandInState(settings.wechat_app_id, settings.wechat_app_secret)
    print(f"WeChat stand-in on :{port}, delivering to {webhook}", flush=True)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # not a line per request
    run_simple("127.0.0.1", port, create_standin_app(state, caller), threaded=True)


class PushWatcher:
    """Prints messages pushed to the current user as they arrive (customer-service and
    template messages), from a background thread polling the stand-in's record."""

    def __init__(self, base: str, openid: str) -> None:
        self.base, self.openid = base, openid
        self.since = time.time()
        self.lock = threading.Lock()
        self.stopped = threading.Event()

    def switch(self, openid: str) -> None:
        with self.lock:
            self.openid, self.since = openid, time.time()

    def poll(self) -> None:
        with self.lock:
            try:
                pushed = requests.get(
                    f"{self.base}/standin/sent",
                    params={"openid": self.openid, "since": self.since},
                    timeout=5,
                ).json()
            except requests.RequestException:
                return
            for item in pushed:
                print(f"[推送] {item.get('content') or item.get('data')}", flush=True)
                self.since = max(self.since, item["at"])

    def run(self) -> None:
        while not self.stopped.wait(1.0):
            self.poll()


def _payload(base: str, openid: str, text: str) -> dict[str, Any]:
    """What one line of the terminal chat sends: a text, or (a command) an event, a photo
    (uploaded to the stand-in first, as WeChat does) or a location."""
    command, _, rest = text.partition(" ")
    if command == "/subscribe":
        return {"openid": openid, "event": "subscribe"}
    if command == "/menu":
        return {"openid": openid, "event": "click", "key": rest.strip()}
    if command == "/photo":
        path = Path(rest.strip()).expanduser()
        kind = mimetypes.guess_type(path.name)[0] or "image/jpeg"
        upload = requests.post(
            f"{base}/standin/media",
            data=path.read_bytes(),
            headers={"Content-Type": kind},
            timeout=20,
        )
        return {"openid": openid, "image": upload.json()["media_id"]}
    if command == "/location":
        latitude, longitude, *label = rest.split()
        place = {
            "latitude": float(latitude),
            "longitude": float(longitude),
            "label": " ".join(label),
        }
        return {"openid": openid, "location": place}
    return {"openid": openid, "text": text}


def chat(openid: str) -> None:
    base = _standin_url()
    print(f"你是 {openid}。{CHAT_HELP}")
    watcher = PushWatcher(base, openid)
    threading.Thread(target=watcher.run, daemon=True).start()
    for line in sys.stdin:
        text = line.strip()
        if not text:
            continue
        if text == "/quit":
            break
        if text.startswith("/user "):
            openid = text.split(maxsplit=1)[1]
            watcher.switch(openid)
            print(f"现在你是 {openid}")
            continue
        try:
            payload = _payload(base, openid, text)
            result = requests.post(f"{base}/standin/send", json=payload, timeout=20).json()
        except (OSError, ValueError, IndexError) as exc:
            print(f"（没发出去：{exc}）")
            continue
        except requests.RequestException as exc:
            print(f"（连不上微信模拟器 {base}：{exc}。先运行 make run）")
            continue
        if result.get("reply"):
            print(f"[助联] {result['reply']}", flush=True)
        elif result.get("status") != 200:
            print(
                f"（公众号没有回应：HTTP {result.get('status')}，尝试 {result.get('attempts')} 次）"
            )
    watcher.stopped.set()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m wechat_standin")
    sub = parser.add_subparsers(dest="command", required=True)
    serve_cmd = sub.add_parser("serve", help="run the WeChat stand-in server")
    serve_cmd.add_argument(
        "--port", type=int, default=int(os.environ.get("STANDIN_PORT", DEFAULT_PORT))
    )
    chat_cmd = sub.add_parser("chat", help="chat with the bot from this terminal")
    chat_cmd.add_argument("--openid", default="o_demo_household")
    args = parser.parse_args()
    if args.command == "serve":
        serve(args.port)
    else:
        chat(args.openid)


if __name__ == "__main__":
    main()
