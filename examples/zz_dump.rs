fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let d = ombuds::parse::parse_decision(&path, &text).unwrap();
        println!("=== {path} finding={:?} remedies={:?} deadline={:?} ofsted={} total={}", d.finding, d.remedies, d.deadline_days, d.shared_with_ofsted, d.agreed_total);
        for p in &d.payments { println!("  PAY {} {:?} {:?} {:?} [{}] {}", p.amount, p.role, p.purpose, p.recipient, p.section, p.sentence); }
        for f in &d.faults { println!("  FAULT {} :: {}", f.kind, f.sentence); }
    }
}
