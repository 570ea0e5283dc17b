import { TimeRangePicker } from '../../ui/time-range-picker/time-range-picker.tsx';
import { CopyLinkButtons } from './copy-link.tsx';
import { GroupSelect } from './group-select.tsx';
import { RefreshSelect } from './refresh-select.tsx';
import { NavLinks } from './root-layout.tsx';
import { ThemeToggle } from './theme-toggle.tsx';
import { TraceIdJump } from './trace-id-jump.tsx';

export function Header() {
  return (
    <header className="header">
      <span className="brand">Trace Console</span>
      <NavLinks />
      <TraceIdJump />
      <div className="header-controls">
        <GroupSelect />
        <TimeRangePicker />
        <RefreshSelect />
        <CopyLinkButtons />
        <ThemeToggle />
      </div>
    </header>
  );
}
