# Test matrix: one test target per (python, os) pair, each runs a few shards.

def test_matrix(name, pythons, oses, shards):
    # Every (python, os, shard) triple, though only the first shard of each pair is used.
    combos = [(py, os, shard) for py in pythons for os in oses for shard in range(shards)]
    for combo in combos:
        py, os, shard = combo
        if shard != 0:
            continue
        python_library(
            name = "{}_{}_{}".format(name, py.replace(".", ""), os),
            srcs = ["test_{}.py".format(os)],
        )
