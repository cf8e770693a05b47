def handle(x):
    try:
        y = 1 / x
    except ZeroDivisionError as e:
        y = None
    except (TypeError, ValueError):
        raise
    else:
        y += 1
    finally:
        print("done")
    return y


def reraise(e):
    try:
        raise ValueError("x") from e
    except Exception as exc:
        raise RuntimeError() from None


def finally_return(x):
    try:
        return x
    finally:
        x = 0
