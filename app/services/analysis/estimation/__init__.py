"""Multiple systems estimation: how many victims no list recorded (DESIGN.md section 7).

From the capture histories of linked victims (which lists recorded each unique victim) to an
estimate of the total with an interval, per stratum, as HRDAG does it:

- `histories`: individuals with the lists that recorded them and their strata; the table R takes;
- `graphs`: the decomposable graphical models over 3–5 lists;
- `bma`: Bayesian model averaging over those models (Madigan & York 1997, as HRDAG's `dga`), the
  default estimator;
- `loglinear`: Poisson log-linear models chosen by BIC, with a profile-likelihood interval;
- `service`: strata, the "not estimable" rule, totals and caveats, for the CLI and the GUI.

No point estimate leaves this package without its interval.
"""
