I7_INDEX = {"N7%d" % i: "ACGT"[i % 4] * 4 + "TG" + str(i) for i in range(1500)}

def index_name_for(seq):
    for name, s in I7_INDEX.items():
        if s == seq:
            return name
    return None
