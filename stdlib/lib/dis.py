"""Disassembler of minipy bytecode (CPython 3.11 wordcode).

dis.dis(x) prints the instructions of a function, method, class, module,
code object or source string, in the same columns as CPython's dis.
`minipy -m dis FILE` disassembles a whole file.
"""
import sys
import _dis

opname = _dis.opname
opmap = _dis.opmap
HAVE_ARGUMENT = _dis.HAVE_ARGUMENT
cmp_op = ('<', '<=', '==', '!=', '>', '>=')


def _get_code(x):
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        return x.__code__
    if hasattr(x, 'gi_code'):
        return x.gi_code
    if isinstance(x, str):
        return compile(x, '<dis>', 'exec')
    if type(x).__name__ == 'code':
        return x
    return None


def _print(text, file):
    if file is None:
        file = sys.stdout
    file.write(text)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble one code object (without its nested code objects)."""
    _print(_dis.disassemble(co, False, adaptive), file)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble a function, method, class, module, code object or string."""
    if x is None:
        raise RuntimeError("no last traceback to disassemble")
    if hasattr(x, '__dict__') and not hasattr(x, '__code__') and not isinstance(x, str):
        # Classes and modules: each function-like attribute, sorted by name.
        items = sorted(x.__dict__.items())
        for name, value in items:
            if isinstance(value, (staticmethod, classmethod)):
                value = value.__func__
            co = _get_code(value)
            if co is not None and not isinstance(value, str):
                _print("Disassembly of %s:\n" % name, file)
                _print(_dis.disassemble(co, depth is None or depth > 0, adaptive), file)
                _print("\n", file)
        return
    co = _get_code(x)
    if co is None:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)
    _print(_dis.disassemble(co, depth is None or depth > 0, adaptive), file)


def code_info(x):
    co = _get_code(x)
    lines = ["Name:              %s" % co.co_name,
             "Filename:          %s" % co.co_filename,
             "Argument count:    %d" % co.co_argcount,
             "Positional-only arguments: %d" % co.co_posonlyargcount,
             "Kw-only arguments: %d" % co.co_kwonlyargcount,
             "Number of locals:  %d" % co.co_nlocals,
             "Stack size:        %d" % co.co_stacksize]
    return "\n".join(lines)


def _main(args):
    if not args:
        source = sys.stdin.read()
        name = '<stdin>'
    else:
        name = args[0]
        with open(name) as f:
            source = f.read()
    dis(compile(source, name, 'exec'))


if __name__ == "__main__":
    _main(sys.argv[1:])
