def lint_rules(name, files):
    file_list = "\n".join(["src/pkg{}/file{}.py".format(i % 300, i) for i in range(files)])
    for chunk in range(20):
        genrule(name = "{}_{}".format(name, chunk), out = "lint{}.txt".format(chunk), cmd = "lint --chunk={} --of={}".format(chunk, len(file_list)))
