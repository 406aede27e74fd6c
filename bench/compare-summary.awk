# bench/compare-summary.awk - the summary of bench/compare.sh's output: for each
# size, operation and concurrency, the median over the rounds of lettergraph's
# throughput and p99 before and after, their ratios, and the same ratio for the bare
# driver's runs made in the before and after turns (the same Cypher both times: what
# it shows is the machine's noise), each side's throughput over the bare driver's
# in its own turns, and lettergraph's CPU time per request before and after (which a
# machine shared with Neo4j and the load generator moves less than throughput).
#
# Usage: awk -f bench/compare-summary.awk OUTPUT.md
function median(list,    n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++)
        for (j = i + 1; j <= n; j++)
            if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    if (n == 0) return 0
    if (n % 2) return a[(n + 1) / 2]
    return (a[n / 2] + a[n / 2 + 1]) / 2
}
function flush(    k, parts, op, conc, lb, la, pb, pa, rb, ra, cb, ca) {
    if (size == "") return
    print "### " size
    print ""
    print "| operation | conc. | before req/s | after req/s | after/before | before p99 ms | after p99 ms | p99 after/before | raw driver after-turn/before-turn | before/raw | after/raw | before CPU ms/req | after CPU ms/req | CPU after/before |"
    print "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for (i = 1; i <= nkeys; i++) {
        k = keys[i]
        split(k, parts, SUBSEP)
        lb = median(rps[k, "before", "lettergraph"]); la = median(rps[k, "after", "lettergraph"])
        pb = median(p99[k, "before", "lettergraph"]); pa = median(p99[k, "after", "lettergraph"])
        rb = median(rps[k, "before", "raw driver"]); ra = median(rps[k, "after", "raw driver"])
        cb = median(cpu[k, "before", "lettergraph"]); ca = median(cpu[k, "after", "lettergraph"])
        printf "| %s | %s | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", parts[1], parts[2], lb, la, (lb ? la / lb : 0), pb, pa, (pb ? pa / pb : 0), (rb ? ra / rb : 0), (rb ? lb / rb : 0), (ra ? la / ra : 0), cb, ca, (cb ? ca / cb : 0)
    }
    print ""
    delete rps; delete p99; delete cpu; delete keys; delete seen; nkeys = 0
}
/^## / { flush(); size = substr($0, 4); next }
/^### / { side = ($0 ~ /, before$/) ? "before" : "after"; next }
/^\| [a-z]: / {
    n = split($0, f, "|")
    for (i = 2; i <= n; i++) gsub(/^ +| +$/, "", f[i])
    k = f[2] SUBSEP f[3]
    if (!((k) in seen)) { seen[k] = 1; keys[++nkeys] = k }
    rps[k, side, f[4]] = rps[k, side, f[4]] " " f[5]
    p99[k, side, f[4]] = p99[k, side, f[4]] " " f[7]
    if (f[10] ~ /^[0-9.]+$/) cpu[k, side, f[4]] = cpu[k, side, f[4]] " " f[10]
}
END { flush() }
