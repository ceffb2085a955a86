import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { agentFixture, loginResponseFixture } from '../../testing/fixtures';
import { AuthService } from '../auth/auth.service';
import { TOPIC_ALERTS_STORAGE_PREFIX, TopicAlertsService } from './topic-alerts.service';

const URL = '/api/agents/me/topic-alerts';

describe('TopicAlertsService', () => {
  let http: HttpTestingController;
  let service: TopicAlertsService;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).login({ email: 'a@b.c', password: 'x' }).subscribe();
    http
      .expectOne('/api/agents/login')
      .flush(loginResponseFixture({ agent: agentFixture({ id: 'agent-7' }) }));
    service = TestBed.inject(TopicAlertsService);
  });

  afterEach(() => http.verify());

  it('shows the browser copy at once, then the terms saved on the profile', () => {
    localStorage.setItem(`${TOPIC_ALERTS_STORAGE_PREFIX}agent-7`, JSON.stringify(['refund']));
    expect(service.load()).toEqual(['refund']);
    http.expectOne(URL).flush({ topic_alerts: ['refund', 'fraud'] });
    expect(service.terms()).toEqual(['refund', 'fraud']);
    expect(service.store()).toBe('server');
    expect(JSON.parse(localStorage.getItem(`${TOPIC_ALERTS_STORAGE_PREFIX}agent-7`) ?? '')).toEqual(
      ['refund', 'fraud'],
    );
  });

  it('does not let a slow load overwrite a newer choice', () => {
    service.load();
    service.save(['chargeback']).subscribe();
    http.expectOne({ method: 'PATCH', url: URL }).flush({ topic_alerts: ['chargeback'] });
    http.expectOne({ method: 'GET', url: URL }).flush({ topic_alerts: ['old'] });
    expect(service.terms()).toEqual(['chargeback']);
  });

  it('puts the previous terms back when the API refuses new ones', () => {
    service.load();
    http.expectOne(URL).flush({ topic_alerts: ['refund'] });
    let failed = false;
    service.save(['refund', '']).subscribe();
    http.expectOne(URL).flush({ topic_alerts: ['refund'] });
    service.save(['x']).subscribe({ error: () => (failed = true) });
    http
      .expectOne(URL)
      .flush(
        { statusCode: 400, error: 'validation_failed', message: 'bad' },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(failed).toBe(true);
    expect(service.terms()).toEqual(['refund']);
  });
});
