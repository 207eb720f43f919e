VENDOR_ROOTS = {"vendor_pkg_%d" % i: "third_party/vendor_%d/" % i for i in range(400)}

def vendor_root(path):
    for root in VENDOR_ROOTS.values():
        if path.startswith(root):
            return root
    return None
