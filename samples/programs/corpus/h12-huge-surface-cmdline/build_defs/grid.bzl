def validate_axis(name, values):
    if len(values) == 0:
        fail("vol surface axis {} is empty".format(name))

def encode_grid(strikes, expiries):
    # The legacy surface generator takes every node on the command line.
    return " ".join([
        "--node={}@{}".format(k, e)
        for e in expiries
        for k in strikes
    ])
