// Placeholder for the guided labs: they will come as data (see labs/README.md).
export function LabPanel() {
  return (
    <div className="lab-panel">
      <p className="lab-intro">Guided labs arrive here</p>
      <p className="lab-hint">
        Until then, explore freely: write a Service in the editor and press Apply (or Ctrl+Enter), or type
        <code> kubectl get nodes</code> in the terminal. The Browser tab opens what a NodePort Service publishes, such as
        <code> http://172.18.0.2:30000/</code>.
      </p>
      <ul className="lab-list" aria-label="Available labs">
        <li className="lab-list-empty">No labs loaded yet</li>
      </ul>
    </div>
  );
}
