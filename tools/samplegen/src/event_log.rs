//! A `buck2 log show`-shaped JSON-lines event log (formats.md §10.3) for one loading run.
//!
//! The wrapping (invocation line, command span, timestamps, durations: `log_timeline.rs`) is ours and fixed
//! so reruns give identical bytes. What matters is real: each Load span's
//! `starlark_peak_allocated_bytes` is `Heap::peak_allocated_bytes()` of the BUCK file's heap,
//! measured by evaluating it with garbage collection on (the evaluator collects between
//! top-level statements, as in Buck2), and `starlark_tick_count` is the evaluator's tick count.
//! A file whose peak exceeds its limit gets Buck2's failure shape: null stats plus the error text.

use std::io::Write;
use std::path::Path;

use serde_json::json;
use serde_json::Value;

use crate::log_timeline::timeline;
use crate::log_timeline::Data;
use crate::log_timeline::Stamp;
use crate::project::CELL;

/// Buck2's default `starlark_peak_allocated_byte_limit` (2 GiB).
pub const DEFAULT_LIMIT: u64 = 2 << 30;
const LINK: &str = "https://buck2.build/docs/users/faq/starlark_peak_mem";
/// The Invocation's `working_dir` in every generated log.
pub const WORKING_DIR: &str = "/home/dev/repo";

/// One BUCK file as the event log reports it.
pub struct LoadRecord {
    /// Package path used in `module_id` (`root//<package>:BUCK`).
    pub package: String,
    pub peak_allocated_bytes: u64,
    pub tick_count: u64,
    pub target_count: u64,
    /// Limit set by `set_starlark_peak_allocated_byte_limit` (else the 2 GiB default).
    pub limit: Option<u64>,
}

impl LoadRecord {
    pub fn module_id(&self) -> String {
        format!("{CELL}//{}:BUCK", self.package)
    }

    /// Buck2's error when `check_starlark_peak_memory` is on and the peak is over the limit.
    pub fn limit_error(&self) -> Option<String> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        (self.peak_allocated_bytes > limit).then(|| {
            let id = self.module_id();
            format!(
                "Error evaluating build file: `{id}`: Starlark peak memory usage for {id} is {} \
                 which exceeds the limit {}! Please reduce memory usage to prevent OOMs. \
                 See {LINK} for debugging tips.",
                humanized_fixed_width(self.peak_allocated_bytes),
                humanized_fixed_width(limit)
            )
        })
    }
}

/// Buck2's fixed-width byte display (` 80MiB`, `4.0MiB`, `512B  `): divide by 1024 while it
/// helps, one decimal for values under 10 (of at least 1000 bytes), right-aligned in 3 + 3.
pub fn humanized_fixed_width(bytes: u64) -> String {
    const LABELS: [&str; 3] = ["KiB", "MiB", "GiB"];
    let (mut val, mut label, mut next) = (bytes as f64, "B", 0);
    while val >= 1024.0 && next < LABELS.len() {
        val /= 1024.0;
        label = LABELS[next];
        next += 1;
    }
    if val.round() >= 1000.0 && next < LABELS.len() {
        val = 1.0;
        label = LABELS[next];
    }
    if bytes >= 1000 && val.round() < 10.0 {
        format!("{val:>3.1}{label:<3}")
    } else {
        format!("{val:>3.0}{label:<3}")
    }
}

fn stamp(s: Stamp) -> Value {
    json!([s.secs, s.nanos])
}

fn span_end(duration: u64, data: Value) -> Value {
    json!({"SpanEnd": {
        "stats": {"max_poll_time_us": duration, "total_poll_time_us": duration},
        "duration_us": duration, "data": data,
    }})
}

fn load_end(r: &LoadRecord) -> Value {
    let error = r.limit_error();
    let ok = error.is_none();
    json!({"Load": {
        "module_id": r.module_id(), "cell": CELL, "error": error,
        "starlark_peak_allocated_bytes": ok.then_some(r.peak_allocated_bytes),
        "cpu_instruction_count": null,
        "target_count": ok.then_some(r.target_count),
        "starlark_tick_count": ok.then_some(r.tick_count),
    }})
}

fn event_data(data: &Data, args: &[String]) -> Value {
    match data {
        Data::CommandStart => {
            let command = json!({"metadata": {}, "cli_args": args, "tags": [], "data": {"Query": {}}});
            json!({"SpanStart": {"data": {"Command": command}}})
        }
        Data::LoadStart(r) => json!({"SpanStart": {"data": {"Load": {"module_id": r.module_id(), "cell": CELL}}}}),
        Data::LoadEnd { record, duration_us } => span_end(*duration_us, load_end(record)),
        Data::CommandEnd { duration_us, success } => span_end(
            *duration_us,
            json!({"Command": {"data": {"Query": {}}, "is_success": success, "build_result": null}}),
        ),
    }
}

/// The command's result as `buck2 log show` prints it: `StreamValue::Result` (PascalCase, serde's
/// default), then `CommandResult`, whose types `buck2_cli_proto` derives with
/// `rename_all = "snake_case"` (so its oneof variants are `uquery_response`, `error`).
fn result_line(failure: Option<&String>) -> Value {
    let result = match failure {
        None => json!({"uquery_response": {}}),
        Some(message) => json!({"error": {
            "message": message, "telemetry_message": null, "source_location": null,
            "tags": [], "sub_error_categories": [], "category_key": null, "string_tags": [],
        }}),
    };
    json!({"Result": {"result": result}})
}

/// `//<package>:` for every record: the patterns of the `buck2 uquery` that loads them all.
pub fn uquery_patterns(records: &[LoadRecord]) -> Vec<String> {
    records.iter().map(|r| format!("//{}:", r.package)).collect()
}

/// The whole log as JSON lines (`buck2 uquery <patterns>` that loads every record's package).
pub fn render(trace_id: &str, patterns: &[String], records: &[LoadRecord]) -> String {
    let t = timeline(patterns, records);
    let mut lines = vec![json!({
        "command_line_args": t.args, "expanded_command_line_args": t.args,
        "working_dir": WORKING_DIR, "trace_id": trace_id, "start_time": stamp(t.start),
    })];
    for e in &t.events {
        lines.push(json!({"Event": {
            "timestamp": stamp(e.stamp), "trace_id": trace_id,
            "span_id": e.span_id, "parent_id": e.parent_id, "data": event_data(&e.data, &t.args),
        }}));
    }
    lines.push(result_line(t.failure.as_ref()));
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// Write `text` gzip-compressed (no file name, mtime 0) and zstd-compressed (level 19).
pub fn write_compressed(base: &Path, text: &str) -> anyhow::Result<()> {
    let gz_path = format!("{}.gz", base.display());
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(std::fs::File::create(&gz_path)?, flate2::Compression::best());
    gz.write_all(text.as_bytes())?;
    gz.finish()?;
    let zst = zstd::encode_all(text.as_bytes(), 19)?;
    std::fs::write(format!("{}.zst", base.display()), zst)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::humanized_fixed_width as h;

    #[test]
    fn humanized() {
        assert_eq!(h(512), "512B  ");
        assert_eq!(h(80 << 20), " 80MiB");
        assert_eq!(h(4 << 20), "4.0MiB");
        assert_eq!(h(2 << 30), "2.0GiB");
        assert_eq!(h(1023 * 1024), "1.0MiB");
    }
}
