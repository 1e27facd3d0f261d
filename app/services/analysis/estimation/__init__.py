"""Multiple systems estimation: how many victims no list recorded (DESIGN.md section 7).

From the capture histories of linked victims (which lists recorded each unique victim) to an
estimate of the total with an interval, per stratum, as HRDAG does it:

- `histories`: individuals with the lists that recorded them and their strata; the table R takes;
- `graphs`: the decomposable graphical models over 3–5 lists;
- `bma`: Bayesian model averaging over those models (Madigan & York 1997, as HRDAG's `dga`);
- `lcmcr`: the latent-class model with a Dirichlet-process prior (Manrique-Vallier 2016, as LCMCR);
- `loglinear`: Poisson log-linear models chosen by BIC, with a profile-likelihood interval, and
  with a heterogeneity term (Darroch et al. 1993): the default estimator;
- `service`: strata, the "not estimable" rule, totals and caveats, for the CLI and the GUI.

No point estimate leaves this package without its interval.
"""
