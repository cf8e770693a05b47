# add_reader/add_writer watch file descriptors; the sock_* coroutines do
# non-blocking socket I/O on the loop.
import asyncio
import os
import socket

async def main():
    loop = asyncio.get_running_loop()

    # A pipe: the reader callback runs when data arrives.
    r, w = os.pipe()
    got = loop.create_future()
    def on_readable():
        got.set_result(os.read(r, 100))
        loop.remove_reader(r)
    loop.add_reader(r, on_readable)
    loop.call_later(0.01, os.write, w, b'through the pipe')
    print(await got)  # expect: b'through the pipe'
    print(loop.remove_reader(r))  # expect: False
    os.close(r)
    os.close(w)

    # A socketpair: a writer callback runs while the socket is writable.
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    writes = []
    def on_writable():
        writes.append(a.send(b'x'))
        if len(writes) == 3:
            print(loop.remove_writer(a.fileno()))
    loop.add_writer(a.fileno(), on_writable)
    await asyncio.sleep(0.02)   # expect: True
    print(writes, b.recv(10))  # expect: [1, 1, 1] b'xxx'

    # Reader and writer on one descriptor at once.
    events = []
    loop.add_reader(b, lambda: (events.append('read'), loop.remove_reader(b)))
    loop.add_writer(b, lambda: (events.append('write'), loop.remove_writer(b)))
    a.send(b'ping')
    await asyncio.sleep(0.02)
    print(sorted(events), b.recv(10))  # expect: ['read', 'write'] b'ping'

    # sock_sendall / sock_recv.
    await loop.sock_sendall(a, b'hello' * 1000)
    data = b''
    while len(data) < 5000:
        data += await loop.sock_recv(b, 4096)
    print(len(data), data[:10])  # expect: 5000 b'hellohello'
    a.close()
    print(await loop.sock_recv(b, 10))  # expect: b''
    b.close()

    # sock_accept / sock_connect on loopback TCP.
    srv = socket.socket()
    srv.bind(('127.0.0.1', 0))
    srv.listen()
    srv.setblocking(False)
    addr = srv.getsockname()
    cli = socket.socket()
    cli.setblocking(False)
    accept = asyncio.create_task(loop.sock_accept(srv))
    await loop.sock_connect(cli, addr)
    conn, peer = await accept
    print(peer == cli.getsockname())  # expect: True
    await loop.sock_sendall(cli, b'over tcp')
    print(await loop.sock_recv(conn, 100))  # expect: b'over tcp'
    for s in (conn, cli, srv):
        s.close()

    # Connecting to a closed port fails as CPython reports it.
    probe = socket.socket()
    probe.bind(('127.0.0.1', 0))
    port = probe.getsockname()[1]
    probe.close()
    cli = socket.socket()
    cli.setblocking(False)
    try:
        await loop.sock_connect(cli, ('127.0.0.1', port))
    except ConnectionRefusedError as e:
        print(type(e).__name__, e.errno)  # expect: ConnectionRefusedError 111
    cli.close()

asyncio.run(main())
