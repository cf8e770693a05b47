# An echo server driven by selectors.DefaultSelector (epoll on Linux), with
# clients in threads; then the same with each selector class.
import selectors
import socket
import threading

print(selectors.DefaultSelector.__name__)  # expect: EpollSelector
print(selectors.EVENT_READ, selectors.EVENT_WRITE)  # expect: 1 2

def serve(sel_cls, nclients):
    sel = sel_cls()
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    srv.setblocking(False)
    sel.register(srv, selectors.EVENT_READ, data="listener")
    port = srv.getsockname()[1]
    replies = []

    def client(i):
        with socket.create_connection(("127.0.0.1", port)) as c:
            msg = b"hello %d" % i
            c.sendall(msg)
            got = b""
            while len(got) < len(msg):
                got += c.recv(100)
            replies.append(got)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(nclients)]
    for t in threads:
        t.start()
    closed = 0
    while closed < nclients:
        for key, mask in sel.select(timeout=5):
            if key.data == "listener":
                conn, _ = key.fileobj.accept()
                conn.setblocking(False)
                sel.register(conn, selectors.EVENT_READ, data="conn")
            else:
                conn = key.fileobj
                data = conn.recv(1024)
                if data:
                    conn.sendall(data.upper())
                else:
                    sel.unregister(conn)
                    conn.close()
                    closed += 1
    for t in threads:
        t.join()
    print(sel_cls.__name__, len(sel.get_map()), sorted(replies))
    sel.unregister(srv)
    srv.close()
    sel.close()

serve(selectors.DefaultSelector, 3)
# expect: EpollSelector 1 [b'HELLO 0', b'HELLO 1', b'HELLO 2']
serve(selectors.SelectSelector, 2)
# expect: SelectSelector 1 [b'HELLO 0', b'HELLO 1']
serve(selectors.PollSelector, 2)
# expect: PollSelector 1 [b'HELLO 0', b'HELLO 1']

# Keys, modify, get_key/get_map, errors, the context manager.
a, b = socket.socketpair()
with selectors.DefaultSelector() as sel:
    key = sel.register(a, selectors.EVENT_READ, data=1)
    print(type(key).__name__, key.fileobj is a, key.fd == a.fileno(), key.events, key.data)  # expect: SelectorKey True True 1 1
    print(sel.select(0))  # expect: []
    b.send(b"!")
    print([(k.data, ev) for k, ev in sel.select(1)])  # expect: [(1, 1)]
    key2 = sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data=2)
    print(key2.events, key2.data, sel.get_key(a) == key2)  # expect: 3 2 True
    print([(k.data, ev) for k, ev in sel.select(0)])  # expect: [(2, 3)]
    print(sel.modify(a, selectors.EVENT_WRITE, data=3).events, list(sel.get_map()) == [a.fileno()])  # expect: 2 True
    try:
        sel.register(a, selectors.EVENT_READ)
    except KeyError:
        print("already registered")  # expect: already registered
    try:
        sel.register(b, 0)
    except ValueError as e:
        print(e)  # expect: Invalid events: 0
    try:
        sel.register("nope", selectors.EVENT_READ)
    except ValueError as e:
        print(e)  # expect: Invalid file object: 'nope'
    print(sel.unregister(a).data)  # expect: 3
    try:
        sel.get_key(a)
    except KeyError:
        print("not registered")  # expect: not registered
print(sel.get_map())  # expect: None
a.close()
b.close()
