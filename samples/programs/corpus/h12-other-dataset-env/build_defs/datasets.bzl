load(":refdata.bzl", "DATASETS")

_SLICES = ["train", "valid", "test", "oos_2019", "oos_2020", "oos_2021", "oos_2022", "oos_2023",
           "stress_gfc", "stress_covid", "stress_taper", "stress_svb", "intraday_am", "intraday_pm"]

_FORMATS = ["parquet", "arrow", "csv"]

def dataset_paths(root):
    return [
        ("{}_{}_{}".format(ds, s, fmt).upper(), "{}/{}/{}.{}".format(root, ds, s, fmt))
        for ds in DATASETS
        for s in _SLICES
        for fmt in _FORMATS
    ]
