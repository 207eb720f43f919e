def script(name, lines):
    text = "#!/bin/sh"
    for i in range(lines):
        text = "%s\necho step %d of %d: configure module_%d" % (text, i, lines, i)
    genrule(name = name, out = name + ".sh", cmd = "cat > $OUT <<EOF\n" + text + "\nEOF")
