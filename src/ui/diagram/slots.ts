// Stable positions for things that come and go: each key keeps its slot for as
// long as it exists, and a newcomer takes the lowest free slot. So a pod that
// appears or disappears never moves the others around on the diagram.

export class SlotAllocator {
  private readonly groups = new Map<string, Map<string, number>>();

  /**
   * Slots for `keys` within `group`, at most `capacity` of them. Keys that do
   * not fit get no slot; they take a freed slot later, in sorted key order.
   */
  assign(group: string, keys: readonly string[], capacity: number): Map<string, number> {
    let slots = this.groups.get(group);
    if (!slots) {
      slots = new Map();
      this.groups.set(group, slots);
    }
    const present = new Set(keys);
    const used = new Set<number>();
    for (const [key, slot] of slots) {
      if (!present.has(key) || slot >= capacity) slots.delete(key);
      else used.add(slot);
    }
    if (slots.size < capacity && slots.size < keys.length) {
      const waiting = keys.filter((k) => !slots.has(k)).sort();
      let next = 0;
      for (const key of waiting) {
        while (used.has(next)) next++;
        if (next >= capacity) break;
        slots.set(key, next);
        used.add(next);
      }
    }
    return slots;
  }

  /** Forget groups that no longer exist. */
  retain(groups: ReadonlySet<string>): void {
    for (const g of this.groups.keys()) if (!groups.has(g)) this.groups.delete(g);
  }
}
