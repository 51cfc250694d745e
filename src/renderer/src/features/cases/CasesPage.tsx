import { useState } from 'react';
import { Route, Switch } from 'wouter';
import { ChecklistTemplatesPage } from '../checklists';
import { CaseDetailPage } from './CaseDetailPage';
import { CaseFormPage } from './CaseFormPage';
import { CaseListPage, initialListState, type ListState } from './CaseListPage';

export default function CasesPage() {
  // Kept above the routes, so search, filters and selection are still there after opening a case.
  const [listState, setListState] = useState<ListState>(initialListState);
  return (
    <Switch>
      <Route path="/">
        <CaseListPage state={listState} onChange={setListState} />
      </Route>
      <Route path="/new">
        <CaseFormPage />
      </Route>
      <Route path="/templates">
        <ChecklistTemplatesPage />
      </Route>
      <Route path="/:caseId/edit">{(params) => <CaseFormPage caseId={params.caseId} />}</Route>
      <Route path="/:caseId">{(params) => <CaseDetailPage caseId={params.caseId} />}</Route>
    </Switch>
  );
}
