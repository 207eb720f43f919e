def bed_record(path, idx):
    parts = path.split("/")
    return {"path": path, "panel": parts[1], "idx": idx, "label": parts[-1].replace(".bed", ""), "tags": [parts[1], "bed", str(idx)]}
