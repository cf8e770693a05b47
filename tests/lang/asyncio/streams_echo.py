# A loopback echo server (asyncio.start_server) and 1000 concurrent
# clients (asyncio.open_connection); every byte sent comes back intact.
import asyncio

N_CLIENTS = 1000
served = 0

async def echo(reader, writer):
    global served
    while True:
        data = await reader.read(4096)
        if not data:
            break
        writer.write(data)
        await writer.drain()
    served += 1
    writer.close()
    await writer.wait_closed()

def payload(i):
    # Different sizes and contents per client; some span several reads.
    line = f'client {i:04d} says hello '.encode()
    return line * (1 + i % 7) + bytes(range(i % 256)) + b'\n'

async def client(port, i):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    msg = payload(i)
    writer.write(msg)
    await writer.drain()
    writer.write_eof()
    echoed = await reader.read()       # until the server closes
    writer.close()
    await writer.wait_closed()
    return echoed == msg, len(msg)

async def main():
    server = await asyncio.start_server(echo, '127.0.0.1', 0, backlog=N_CLIENTS)
    host, port = server.sockets[0].getsockname()
    print(host, server.is_serving())  # expect: 127.0.0.1 True
    results = await asyncio.gather(*(client(port, i) for i in range(N_CLIENTS)))
    print('clients:', len(results))  # expect: clients: 1000
    print('all bytes echoed:', all(ok for ok, _ in results))  # expect: all bytes echoed: True
    print('bytes:', sum(n for _, n in results))  # expect: bytes: 217647
    server.close()
    await server.wait_closed()
    print('served:', served, server.is_serving())  # expect: served: 1000 False

    # A line protocol with readline/readexactly/readuntil.
    async def lines(reader, writer):
        name = (await reader.readline()).strip()
        size = int((await reader.readuntil(b':'))[:-1])
        body = await reader.readexactly(size)
        writer.write(b'hello ' + name + b', ' + body.upper() + b'\n')
        await writer.drain()
        writer.close()
    server = await asyncio.start_server(lines, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print(writer.get_extra_info('peername') == ('127.0.0.1', port))  # expect: True
    writer.write(b'minipy\n5:abcde')
    print(await reader.readline())  # expect: b'hello minipy, ABCDE\n'
    print(await reader.read(), reader.at_eof())  # expect: b'' True
    try:
        await reader.readexactly(3)
    except asyncio.IncompleteReadError as e:
        print(e, e.partial, e.expected)  # expect: 0 bytes read on a total of 3 expected bytes b'' 3
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    # Nobody listening.
    probe = await asyncio.start_server(echo, '127.0.0.1', 0)
    port = probe.sockets[0].getsockname()[1]
    probe.close()
    await probe.wait_closed()
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except ConnectionRefusedError as e:
        print('refused:', e.errno)  # expect: refused: 111

asyncio.run(main())
