def expect(cond, msg):
    if not cond:
        fail(msg)
