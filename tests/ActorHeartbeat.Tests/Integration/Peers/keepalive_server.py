"""A WebSocket server that relies on protocol keepalive only.

Usage: keepalive_server.py PING_INTERVAL PING_TIMEOUT   (seconds, fractions allowed)

It pings every client with RFC 6455 ping frames every PING_INTERVAL seconds and
drops a client whose pong is more than PING_TIMEOUT seconds late (close code 1011),
as websockets' serve(ping_interval=..., ping_timeout=...) does. Application
messages are read and ignored: there is no application-level heartbeat.

It binds 127.0.0.1 on a free port, prints that port on one line, then serves until
its standard input is closed or it is killed.
"""

import asyncio
import sys

import websockets


async def ignore_messages(websocket, *_path):
    try:
        async for _message in websocket:
            pass
    except websockets.ConnectionClosed:
        pass


async def wait_for_stdin_to_close():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.buffer.read)


async def main():
    ping_interval = float(sys.argv[1])
    ping_timeout = float(sys.argv[2])
    async with websockets.serve(
        ignore_messages,
        "127.0.0.1",
        0,
        ping_interval=ping_interval,
        ping_timeout=ping_timeout,
    ) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        print(port, flush=True)
        await wait_for_stdin_to_close()


if __name__ == "__main__":
    asyncio.run(main())
