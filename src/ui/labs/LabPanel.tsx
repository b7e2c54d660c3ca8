// Placeholder for the guided labs: they will come as data (see labs/README.md).
export function LabPanel() {
  return (
    <section className="panel lab-panel" aria-labelledby="lab-title">
      <div className="panel-header">
        <h2 className="panel-title" id="lab-title">
          Labs
        </h2>
      </div>
      <div className="panel-body">
        <p className="lab-intro">Guided labs arrive here</p>
        <p className="lab-hint">
          Until then, explore freely: write a Service in the editor and press Apply (or Ctrl+Enter), or type
          <code> kubectl get nodes</code> in the terminal.
        </p>
        <ul className="lab-list" aria-label="Available labs">
          <li className="lab-list-empty">No labs loaded yet</li>
        </ul>
      </div>
    </section>
  );
}
