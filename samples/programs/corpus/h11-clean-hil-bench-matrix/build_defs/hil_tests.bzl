load("//build_defs:benches.bzl", "HIL_BENCHES")

def _test_attrs(bench_name, bench, ecu, scenario, fw):
    return {
        "name": "hil_{}_{}_{}_{}".format(bench_name, ecu, scenario, fw.replace(".", "_")),
        "srcs": ["hil/tests/{}.py".format(scenario), "hil/fixtures/{}.py".format(ecu)],
        "resources": ["firmware/{}/{}.hex".format(ecu, fw), "hil/benches/{}.yaml".format(bench_name)],
        "labels": ["hil", "bench:" + bench_name, "ecu:" + ecu, "channels:%d" % bench.channels],
    }

def hil_matrix(scenarios, firmware_by_ecu):
    bench_names = sorted(HIL_BENCHES.keys())
    for bench_name in bench_names:
        bench = HIL_BENCHES[bench_name]
        for ecu in bench.ecus:
            versions = firmware_by_ecu.get(ecu)
            if versions == None:
                fail("bench %s wires ECU %s but no firmware is listed for it (have: %s)" % (
                    bench_name,
                    ecu,
                    ", ".join(sorted(firmware_by_ecu)),
                ))
            for fw in versions:
                for scenario in scenarios:
                    python_library(**_test_attrs(bench_name, bench, ecu, scenario, fw))
