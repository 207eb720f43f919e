def expect(ok, msg):
    if not ok:
        fail(msg)
