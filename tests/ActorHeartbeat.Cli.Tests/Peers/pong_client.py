"""A WebSocket client that answers a heartbeat server's JSON pings.

Usage: pong_client.py URL

Connects to URL (protocol keepalive off, so only the application heartbeat
shows whether it is alive), prints "connected", then answers every text
message {"op": "ping", "seq": N, ...} with {"op": "pong", "seq": N} and prints
"pong N" after each answer. Other messages are ignored. It exits when the
server closes the connection or its standard input is closed.
"""

import asyncio
import json
import sys

import websockets


async def answer_pings(url):
    async with websockets.connect(url, ping_interval=None) as websocket:
        print("connected", flush=True)
        try:
            async for message in websocket:
                if not isinstance(message, str):
                    continue
                try:
                    request = json.loads(message)
                except ValueError:
                    continue
                if isinstance(request, dict) and request.get("op") == "ping":
                    seq = request.get("seq")
                    await websocket.send(json.dumps({"op": "pong", "seq": seq}))
                    print(f"pong {seq}", flush=True)
        except websockets.ConnectionClosed:
            pass


async def wait_for_stdin_to_close():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.buffer.read)


async def main():
    client = asyncio.ensure_future(answer_pings(sys.argv[1]))
    stdin_closed = asyncio.ensure_future(wait_for_stdin_to_close())
    await asyncio.wait([client, stdin_closed], return_when=asyncio.FIRST_COMPLETED)
    if client.done():
        client.result()


if __name__ == "__main__":
    asyncio.run(main())
