fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    for (n, line) in text.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let d = ombuds::parse::parse_decision("x", v["text"].as_str().unwrap()).unwrap();
        if n % 9 != 0 { continue; }
        for f in &d.faults { println!("{} {} :: {}", d.reference, f.kind, f.sentence.chars().take(230).collect::<String>()); }
    }
}
