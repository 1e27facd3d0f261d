# The reference for benchmarks/bench_estimation.py: R's conting (Overstall & King), a Bayesian
# log-linear capture-recapture model fitted by reversible-jump MCMC over hierarchical models.
# Installed by the benchmark setup (Debian's r-cran-conting), never by or for the application.
#   Rscript benchmarks/conting_reference.R DATASET N_SAMPLE OUT_CSV   (DATASET: spina | ScotPWID | ScotPWID-sources)
#   Rscript benchmarks/conting_reference.R --table N_SAMPLE IN_CSV    (columns S1..Sk 0/1 and y, NA for 0…0)
# Prints one line: median lower upper seconds (equal-tailed 95% interval of the total population).
suppressMessages(library(conting))
args <- commandArgs(trailingOnly = TRUE)
n_sample <- as.integer(args[2])
set.seed(20241208)
if (args[1] == "--table") {
  d <- read.csv(args[3], stringsAsFactors = FALSE)
  sources <- grep("^S[0-9]+$", names(d), value = TRUE)
  for (s in sources) d[[s]] <- factor(ifelse(d[[s]] == 1, "obs", "un"), levels = c("un", "obs"))
  formula <- as.formula(paste("y ~ (", paste(sources, collapse = " + "), ")^2"))
} else if (args[1] == "spina") {
  data(spina)
  d <- aggregate(y ~ S1 + S2 + S3, spina[!is.na(spina$y), ], sum)
  d <- rbind(data.frame(S1 = "un", S2 = "un", S3 = "un", y = NA), d)
  for (s in c("S1", "S2", "S3")) d[[s]] <- factor(d[[s]], levels = c("un", "obs"))
  formula <- y ~ (S1 + S2 + S3)^2
  write.csv(d, args[3], row.names = FALSE)
} else if (args[1] == "ScotPWID-sources") {
  # The table our estimators see without strata: the four sources, summed over region, gender, age.
  data(ScotPWID)
  d <- aggregate(y ~ S1 + S2 + S3 + S4, ScotPWID[!is.na(ScotPWID$y), ], sum)
  d <- rbind(data.frame(S1 = "un", S2 = "un", S3 = "un", S4 = "un", y = NA), d)
  for (s in c("S1", "S2", "S3", "S4")) d[[s]] <- factor(d[[s]], levels = c("un", "obs"))
  formula <- y ~ (S1 + S2 + S3 + S4)^2
  write.csv(d, args[3], row.names = FALSE)
} else {
  # King et al. (2013)'s model: the sources with region, gender and age, all two-way terms.
  data(ScotPWID)
  d <- ScotPWID
  formula <- y ~ (S1 + S2 + S3 + S4 + Region + Gender + Age)^2
  write.csv(d, args[3], row.names = FALSE)
}
t0 <- Sys.time()
fit <- bict(formula = formula, data = d, n.sample = n_sample, prior = "SBH")
tp <- total_pop(fit, n.burnin = n_sample %/% 10, prob.level = 0.95)
q <- quantile(tp$TOT, c(0.5, 0.025, 0.975))
cat(q[1], q[2], q[3], as.numeric(difftime(Sys.time(), t0, units = "secs")), "\n")
