# Dockerfile text generated from a list of layer steps.

_STEP_TEMPLATES = {
    "pip": "RUN pip install --no-cache-dir {pkg}=={version} && python -c 'import {module}'\n",
    "npm": "RUN npm install --omit=dev {pkg}@{version}\n",
    "copy": "COPY {src} /srv/app/{src}\n",
}

def _step_line(step):
    return _STEP_TEMPLATES[step.kind].format(pkg = step.pkg, version = step.version, module = step.pkg.replace("-", "_"), src = step.pkg)

def render_dockerfile(base, steps, **kwargs):
    text = "FROM %s\n" % base
    text += "WORKDIR %s\n" % kwargs.get("workdir", "/srv/app")
    for step in steps:
        text += _step_line(step)
    text += "ENTRYPOINT [\"%s\"]\n" % kwargs.get("entrypoint", "/srv/app/run")
    return text

def dockerfile(name, base, steps, **kwargs):
    content = render_dockerfile(base, steps, **kwargs)
    genrule(
        name = name,
        out = "Dockerfile",
        cmd = "echo %d > $OUT" % len(content),
    )
