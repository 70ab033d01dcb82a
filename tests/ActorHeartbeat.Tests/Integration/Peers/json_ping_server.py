"""A WebSocket server with a JSON application heartbeat of the common shape.

Usage: json_ping_server.py

Every text message {"type": "ping", ...} is answered with
{"type": "pong", "timestamp": <unix milliseconds>}; the answer echoes nothing of
the ping, so a client must match it to its oldest outstanding ping. Other messages
are ignored. Protocol keepalive is off (ping_interval=None), so the application
heartbeat is the only liveness signal.

It binds 127.0.0.1 on a free port, prints that port on one line, then serves until
its standard input is closed or it is killed.
"""

import asyncio
import json
import sys
import time

import websockets


async def answer_pings(websocket, *_path):
    try:
        async for message in websocket:
            if not isinstance(message, str):
                continue
            try:
                request = json.loads(message)
            except ValueError:
                continue
            if isinstance(request, dict) and request.get("type") == "ping":
                reply = {"type": "pong", "timestamp": int(time.time() * 1000)}
                await websocket.send(json.dumps(reply))
    except websockets.ConnectionClosed:
        pass


async def wait_for_stdin_to_close():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.buffer.read)


async def main():
    async with websockets.serve(answer_pings, "127.0.0.1", 0, ping_interval=None) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        print(port, flush=True)
        await wait_for_stdin_to_close()


if __name__ == "__main__":
    asyncio.run(main())
