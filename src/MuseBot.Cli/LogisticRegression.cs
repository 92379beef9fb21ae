namespace MuseBot.Cli;

/// <summary>
/// The two small learners behind the answerability models, on standardised features with L2 and sign constraints,
/// fitted by projected Adam: enough for a score of features and a few thousand labelled (question, unit) pairs.
/// </summary>
public static class LogisticRegression
{
    public sealed record Fit(double[] Mean, double[] Scale, double[] Weights, double Bias)
    {
        public double Score(double[] x)
        {
            double z = Bias;
            for (int i = 0; i < x.Length; i++) z += Weights[i] * (x[i] - Mean[i]) / Scale[i];
            return z;
        }

        public double Probability(double[] x) => 1 / (1 + Math.Exp(-Score(x)));
    }

    /// <summary>
    /// Logistic regression. <paramref name="signs"/> constrains each weight: +1 evidence for (never below 0), -1
    /// evidence against (never above 0), 0 free — so that, for example, more of the question met can never make
    /// an answer less likely, whatever quirk a tuning set has.
    /// </summary>
    public static Fit Train(IReadOnlyList<double[]> xs, IReadOnlyList<bool> ys, int[] signs, double l2 = 1.0, int iterations = 3000)
    {
        var (mean, scale) = Standardise(xs);
        int n = xs.Count, d = mean.Length;
        var z = xs.Select(x => x.Select((v, j) => (v - mean[j]) / scale[j]).ToArray()).ToArray();
        var w = new double[d + 1];
        var adam = new Adam(d + 1);
        for (int it = 1; it <= iterations; it++)
        {
            var grad = new double[d + 1];
            for (int k = 0; k < n; k++)
            {
                double s = w[0];
                for (int j = 0; j < d; j++) s += w[j + 1] * z[k][j];
                double r = (ys[k] ? 1 : 0) - 1 / (1 + Math.Exp(-s));
                grad[0] += r;
                for (int j = 0; j < d; j++) grad[j + 1] += r * z[k][j];
            }
            for (int j = 0; j <= d; j++) grad[j] = grad[j] / n - (j > 0 ? l2 * w[j] / n : 0);
            adam.Step(w, grad, it);
            for (int j = 0; j < d; j++) w[j + 1] = Project(w[j + 1], signs[j]);
        }
        return new Fit(mean, scale, w[1..], w[0]);
    }

    private static double Project(double w, int sign) => sign > 0 ? Math.Max(0, w) : sign < 0 ? Math.Min(0, w) : w;

    private static (double[] Mean, double[] Scale) Standardise(IReadOnlyList<double[]> xs)
    {
        int d = xs[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            mean[j] = xs.Average(x => x[j]);
            var sd = Math.Sqrt(xs.Sum(x => (x[j] - mean[j]) * (x[j] - mean[j])) / xs.Count);
            scale[j] = sd < 1e-9 ? 1 : sd;
        }
        return (mean, scale);
    }

    /// <summary>Adam: steady steps whatever the scale of the gradient.</summary>
    private sealed class Adam(int d)
    {
        private readonly double[] _m = new double[d], _v = new double[d];

        public void Step(double[] w, double[] grad, int it, double rate = 0.01)
        {
            for (int j = 0; j < w.Length; j++)
            {
                _m[j] = 0.9 * _m[j] + 0.1 * grad[j];
                _v[j] = 0.999 * _v[j] + 0.001 * grad[j] * grad[j];
                double mh = _m[j] / (1 - Math.Pow(0.9, it)), vh = _v[j] / (1 - Math.Pow(0.999, it));
                w[j] += rate * mh / (Math.Sqrt(vh) + 1e-8);
            }
        }
    }

    /// <summary>
    /// Conditional logit (a softmax over each question's candidates), fitted by gradient ascent with L2 on
    /// standardised features: it learns to rank a question's gold units above its other candidates, and nothing
    /// about how questions differ from each other (which is the answer-or-refuse model's job).
    /// </summary>
    public static Fit TrainRanker(IReadOnlyList<(double[][] Rows, bool[] Gold)> groups, int[] signs, double l2 = 1.0, int iterations = 3000)
    {
        var (mean, scale) = Standardise(groups.SelectMany(g => g.Rows).ToList());
        int d = mean.Length;
        var z = groups.Select(g => g.Rows.Select(x => x.Select((v, j) => (v - mean[j]) / scale[j]).ToArray()).ToArray()).ToList();
        var w = new double[d];
        var adam = new Adam(d);
        for (int it = 1; it <= iterations; it++)
        {
            var grad = new double[d];
            for (int k = 0; k < groups.Count; k++)
            {
                var rows = z[k];
                var gold = groups[k].Gold;
                var s = rows.Select(x => Dot(w, x)).ToArray();
                double max = s.Max();
                var e = s.Select(x => Math.Exp(x - max)).ToArray();
                double total = e.Sum(), goldSum = e.Where((_, i) => gold[i]).Sum();
                for (int i = 0; i < rows.Length; i++)
                {
                    double coef = (gold[i] ? e[i] / goldSum : 0) - e[i] / total;
                    for (int j = 0; j < d; j++) grad[j] += coef * rows[i][j];
                }
            }
            for (int j = 0; j < d; j++) grad[j] = grad[j] / groups.Count - l2 * w[j] / groups.Count;
            adam.Step(w, grad, it);
            for (int j = 0; j < d; j++) w[j] = Project(w[j], signs[j]);
        }
        return new Fit(mean, scale, w, 0);
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
