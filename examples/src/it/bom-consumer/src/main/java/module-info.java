/** A user's application: it needs only the core; the sources are found as services. */
module consumer {
  requires io.github.paperdigest;
}
