import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { request } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { CreateProjectMutation, ProjectQuery, UpdateProjectMutation } from '../../api/projectOperations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { BrandFields } from './BrandFields';
import { Field } from './Field';
import { controlId, draftOf, emptyBrand, fieldErrors, inputOf, newDraft, type BrandDraft, type ProjectDraft } from './projectDraft';
import { ScheduleFields } from './ScheduleFields';
import { useScreenTitle } from '../useScreenTitle';

const maxCompetitors = 10;

export function NewProject() {
  return <ProjectEditor />;
}

export function EditProject() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const existing = useQuery(ProjectQuery, { id });
  if (existing.data?.project) return <ProjectEditor id={id} initial={draftOf(existing.data.project)} />;
  return (
    <>
      <ErrorNotice error={existing.error} context="Could not load the project" />
      {!existing.error && <p class="loading">Loading…</p>}
    </>
  );
}

/** Creates a project, or saves one (`id`) whose current state is `initial`. */
function ProjectEditor({ id, initial }: { id?: string; initial?: ProjectDraft }) {
  const { route } = useLocation();
  const [draft, setDraft] = useState<ProjectDraft>(() => initial ?? newDraft());
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);
  const nextKey = useRef(100);
  const focusFirstError = useRef(false);
  useScreenTitle(id ? 'Edit project' : 'New project', initial?.name);

  const change = (changes: Partial<ProjectDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const setCompetitor = (index: number, brand: BrandDraft) =>
    change({ competitors: draft.competitors.map((each, at) => (at === index ? brand : each)) });
  const addCompetitor = () => change({ competitors: [...draft.competitors, emptyBrand(nextKey.current++)] });

  // Errors name rows by position: shown once, they would point at the wrong row after an edit.
  const clearing = (changes: Partial<ProjectDraft>) => {
    if (errors.size > 0) setErrors(new Map());
    change(changes);
  };

  useEffect(() => {
    if (!focusFirstError.current) return;
    focusFirstError.current = false;
    const first = [...errors.keys()].map((control) => document.getElementById(controlId(control))).find(Boolean);
    (first ?? document.getElementById('project-form-error'))?.focus();
  }, [errors, formError]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setFormError('');
    try {
      const input = inputOf(draft);
      const saved = id
        ? (await request(UpdateProjectMutation, { id, input })).updateProject
        : (await request(CreateProjectMutation, { input })).createProject;
      route(`/projects/${encodeURIComponent(saved.id)}`);
    } catch (error) {
      setSaving(false);
      const { byControl, general } = fieldErrors(error);
      const shown = new Map([...byControl].filter(([control]) => document.getElementById(controlId(control))));
      const unshown = [...byControl].filter(([control]) => !shown.has(control)).map(([, message]) => message);
      setErrors(shown);
      setFormError([...general, ...unshown].join(' '));
      focusFirstError.current = true;
    }
  };

  const title = id ? `Edit ${initial?.name ?? 'project'}` : 'New project';
  return (
    <section aria-labelledby="project-form-title">
      <h1 id="project-form-title">{title}</h1>
      <p class="lead">Your brand, the competitors to compare it with, and when to audit them again.</p>
      <form class="project-form" onSubmit={submit} noValidate>
        <Field control="name" label="Project name" value={draft.name} error={errors.get('name')} onInput={(name) => clearing({ name })} />
        <BrandFields path="brand" legend="Your brand" brand={draft.brand} errors={errors} onChange={(brand) => clearing({ brand })} />
        <fieldset class="competitors" id={controlId('competitors')} tabIndex={-1} aria-describedby={`${controlId('competitors')}-error`}>
          <legend>Competitors (1 to {maxCompetitors})</legend>
          {draft.competitors.map((competitor, index) => (
            <BrandFields
              key={competitor.key}
              path={`competitors[${index}]`}
              legend={`Competitor ${index + 1}`}
              brand={competitor}
              errors={errors}
              onChange={(brand) => {
                if (errors.size > 0) setErrors(new Map());
                setCompetitor(index, brand);
              }}
              onRemove={draft.competitors.length > 1 ? () => clearing({ competitors: draft.competitors.filter((_, at) => at !== index) }) : undefined}
            />
          ))}
          <p class="field-error" id={`${controlId('competitors')}-error`}>
            {errors.get('competitors')}
          </p>
          <button type="button" disabled={draft.competitors.length >= maxCompetitors} onClick={addCompetitor}>
            Add competitor
          </button>
        </fieldset>
        <div class="form-columns">
          <Field
            control="market"
            label="Market"
            hint='What the brand sells, as a buyer says it, e.g. "trail running shoes"'
            value={draft.market}
            error={errors.get('market')}
            onInput={(market) => clearing({ market })}
          />
          <Field
            control="language"
            label="Language"
            hint='A language tag such as "en" or "de-CH"'
            value={draft.language}
            error={errors.get('language')}
            onInput={(language) => clearing({ language })}
          />
          <Field
            control="maxPagesPerSite"
            label="Pages per site"
            type="number"
            value={draft.maxPagesPerSite}
            error={errors.get('maxPagesPerSite')}
            onInput={(maxPagesPerSite) => clearing({ maxPagesPerSite })}
          />
        </div>
        <Field
          control="prompts"
          label="Prompts"
          hint="Questions a buyer would ask an answer engine, one per line (up to 100)"
          multiline
          value={draft.prompts}
          error={errors.get('prompts')}
          onInput={(prompts) => clearing({ prompts })}
        />
        <ScheduleFields draft={draft} errors={errors} onChange={clearing} />
        <p class="form-error" role="alert" id="project-form-error" tabIndex={-1}>
          {formError}
        </p>
        <div class="actions">
          <button type="submit" class="primary" disabled={saving}>
            {saving ? 'Saving…' : id ? 'Save project' : 'Create project'}
          </button>
          <a class="button" href={id ? `/projects/${encodeURIComponent(id)}` : '/projects'}>
            Cancel
          </a>
        </div>
      </form>
    </section>
  );
}
