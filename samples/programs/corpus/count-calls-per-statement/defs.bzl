# Minimal program: what a statement profile's Count is (see samples/README.md).

def label(i):
    return "x{}".format(i)

def count_demo(runs):
    total = 0
    for i in range(runs):
        names = [label(j) for j in range(60)]
        total += len(names)
    zeros = [0] * 230000
    return total + len(zeros)
