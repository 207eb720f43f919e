# Per-region deployment settings.

REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2",
           "eu-central-1", "ap-south-1", "ap-northeast-1", "ap-southeast-2", "sa-east-1", "ca-central-1"]

def region_config_table(regions):
    table = {}
    for region in regions:
        table[region] = {
            "endpoint": "https://api.{}.example.com".format(region),
            "zones": ["{}{}".format(region, z) for z in "abcdef".elems()],
            "replicas": {"tier{}".format(t): ["replica-{}-{}-{}".format(region, t, r) for r in range(12)] for t in range(8)},
        }
    return table
