package shelf

// GCPercent is the garbage collector's target (GOGC) dubao runs with.
// A shelf search streams a year of cached days through buffers it lets go
// at once — some 200 MB read for a query found on every day, while less
// than 10 MB is live — so at Go's default of 100 the collector ran every
// few days and took half the search's CPU (a warm year 300 ms; at 400,
// 130 ms, with a peak heap of about 35 MB; go test ./shelf -bench
// ShelfSearch/warm).
const GCPercent = 400
