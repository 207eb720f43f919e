load(":codecs.bzl", "CODECS")
load(":refdata.bzl", "EXCHANGES")

def market_data_adapter(exchange):
    mic = exchange["mic"]
    for feed in exchange["feeds"]:
        codec = CODECS.get(feed)
        if codec == None:
            continue
        rows = codec(mic)
        genrule(
            name = "{}_{}_decoder_table".format(mic.lower(), feed),
            out = "{}_{}.tbl".format(mic.lower(), feed),
            cmd = "echo '{}' > $OUT".format(len(rows)),
        )
        cxx_library(
            name = "{}_{}_adapter".format(mic.lower(), feed),
            srcs = ["adapters/{}/{}.cpp".format(feed, mic.lower())],
            deps = [":{}_{}_decoder_table".format(mic.lower(), feed), "//md/core:book"],
        )
