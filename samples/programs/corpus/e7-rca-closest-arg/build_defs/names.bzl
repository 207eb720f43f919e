VALID = ["target_%d" % i for i in range(600)]
VALID_SET = {v: None for v in VALID}

def closest(name):
    scored = sorted([(abs(len(v) - len(name)), v) for v in VALID])
    return [v for _, v in scored[:5]]
