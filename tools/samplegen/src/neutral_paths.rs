//! The statement and coverage profiles name one frame of the starlark crate itself by its source
//! path, which rustc took from the generating machine's Cargo registry
//! (`$CARGO_HOME/registry/src/<index dir>/starlark-0.14.3/…`). That prefix is rewritten to a fixed
//! one, so the committed samples carry no path of the machine that made them and come out
//! byte-identical wherever they are regenerated.

/// What every registry prefix becomes: the `/home/dev` of the generated logs' `working_dir`.
const NEUTRAL_REGISTRY: &str = "/home/dev/.cargo/registry/src/index.crates.io-0000000000000000/";
const MARK: &str = "/registry/src/";

/// Rewrites each `<path>/registry/src/<index dir>/` (a path starts after a quote, comma or line
/// break) to NEUTRAL_REGISTRY.
pub fn neutral_registry_paths(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        let start = rest[..at].rfind(['"', ',', '\n']).map_or(0, |i| i + 1);
        let after_mark = at + MARK.len();
        let Some(slash) = rest[after_mark..].find('/') else { break };
        out.push_str(&rest[..start]);
        out.push_str(NEUTRAL_REGISTRY);
        rest = &rest[after_mark + slash + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_the_registry_prefix_only() {
        let csv = "\"TOTAL\",\"\",0.1,3\n\"/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/starlark-0.14.3/src/eval/runtime/evaluator.rs\",\"825:31-39\",0.000,1\n\"BUCK\",\"1:1-2\",0.1,2\n";
        let want = "\"TOTAL\",\"\",0.1,3\n\"/home/dev/.cargo/registry/src/index.crates.io-0000000000000000/starlark-0.14.3/src/eval/runtime/evaluator.rs\",\"825:31-39\",0.000,1\n\"BUCK\",\"1:1-2\",0.1,2\n";
        assert_eq!(neutral_registry_paths(csv), want);
        assert_eq!(neutral_registry_paths("/usr/local/cargo/registry/src/x-1/a.rs:1:1\n"), format!("{NEUTRAL_REGISTRY}a.rs:1:1\n"));
    }
}
