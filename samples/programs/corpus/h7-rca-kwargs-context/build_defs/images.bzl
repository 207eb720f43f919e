# Docker image targets for the Python services; every image is described by many attributes.

_DEFAULT_BASE = "python:3.11-slim"

def _image_context(name, attrs):
    # Human-readable dump of every attribute, used when an image is misconfigured.
    return "image %s\n%s" % (name, "\n".join(["  %s = %r" % (k, attrs[k]) for k in sorted(attrs)]))

def _check_image(name, attrs):
    context = _image_context(name, attrs)
    if not attrs.get("base", "").count(":") == 1:
        fail("base image must be pinned with a tag\n" + context)
    if attrs.get("user") == "root" and not attrs.get("allow_root"):
        fail("images may not run as root\n" + context)

def _image_impl(name, **attrs):
    _check_image(name, attrs)
    genrule(
        name = name,
        out = "%s.tar" % name,
        cmd = "docker-build --base %s --entry %s > $OUT" % (attrs["base"], attrs["entrypoint"]),
        labels = attrs.get("labels", []),
    )

def _with_defaults(**kwargs):
    kwargs.setdefault("base", _DEFAULT_BASE)
    kwargs.setdefault("user", "app")
    return kwargs

def python_image(name, entrypoint, **kwargs):
    _image_impl(name = name, entrypoint = entrypoint, **_with_defaults(**kwargs))
