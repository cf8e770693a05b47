"""An asyncio echo server: one task per connection, all in one thread.

    minipy programs/echo_server.py [PORT]          serve until Ctrl-C
    minipy programs/echo_server.py --self-test [N] serve N clients of its own, then exit

Try it from another terminal with `nc 127.0.0.1 8888`: every line you type
comes back. Each connection gets a StreamReader and a StreamWriter and
its own task running handle(); `await reader.readline()` suspends that
task until the line arrives, and the event loop serves the others
meanwhile. writer.drain() waits when a slow client lets the send buffer
fill up.
"""

import asyncio
import sys

connections = 0
lines_echoed = 0


async def handle(reader, writer):
    global connections, lines_echoed
    connections += 1
    peer = writer.get_extra_info("peername")
    try:
        async for line in reader:          # readline() until EOF
            writer.write(line)
            await writer.drain()
            lines_echoed += 1
    except ConnectionError:
        pass                               # the client went away
    finally:
        writer.close()
    if not SELF_TEST:
        print(f"{peer[0]}:{peer[1]} closed", flush=True)


async def self_test(port, n):
    async def client(i):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        lines = [f"client {i} line {k}\n".encode() for k in range(3)]
        for line in lines:
            writer.write(line)
        await writer.drain()
        got = [await reader.readline() for _ in lines]
        writer.close()
        await writer.wait_closed()
        return got == lines
    ok = await asyncio.gather(*(client(i) for i in range(n)))
    print(f"{sum(ok)}/{n} clients got their lines back")


async def main(port, test_clients):
    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=1024)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"serving on {host}:{port}", flush=True)
    if test_clients:
        await self_test(port, test_clients)
        server.close()
        await server.wait_closed()
    else:
        async with server:
            await server.serve_forever()


SELF_TEST = len(sys.argv) > 1 and sys.argv[1] == "--self-test"

if __name__ == "__main__":
    if SELF_TEST:
        port, n = 0, int(sys.argv[2]) if len(sys.argv) > 2 else 100
    else:
        port, n = int(sys.argv[1]) if len(sys.argv) > 1 else 8888, 0
    try:
        asyncio.run(main(port, n))
    except KeyboardInterrupt:
        print()
    print(f"{connections} connections, {lines_echoed} lines echoed")
